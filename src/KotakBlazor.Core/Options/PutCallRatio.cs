namespace KotakBlazor.Core.Options;

/// <summary>
/// The put-call ratio of a chain: total put open interest (or volume) over total call open
/// interest (or volume), across every strike of the chain. Above 1 means more puts than calls.
/// </summary>
/// <param name="PutTotal">The summed put figure.</param>
/// <param name="CallTotal">The summed call figure.</param>
public readonly record struct PutCallRatio(long PutTotal, long CallTotal)
{
    /// <summary>
    /// <see cref="PutTotal"/> / <see cref="CallTotal"/>; null when <see cref="CallTotal"/> is 0,
    /// where the ratio is undefined (before the open, or on a chain nobody trades) and a 0 or
    /// infinity would read as a signal.
    /// </summary>
    public double? Value => CallTotal == 0 ? null : (double)PutTotal / CallTotal;

    /// <summary>The ratio of put to call open interest.</summary>
    public static PutCallRatio ByOpenInterest(OptionChainSnapshot chain) => Sum(chain, static quote => quote.OpenInterest);

    /// <summary>The ratio of put to call traded volume for the day.</summary>
    public static PutCallRatio ByVolume(OptionChainSnapshot chain) => Sum(chain, static quote => quote.Volume);

    private static PutCallRatio Sum(OptionChainSnapshot chain, Func<OptionQuote, long> figure)
    {
        ArgumentNullException.ThrowIfNull(chain);
        long puts = 0;
        long calls = 0;
        foreach (var row in chain.Rows)
        {
            calls += row.Call is null ? 0 : figure(row.Call);
            puts += row.Put is null ? 0 : figure(row.Put);
        }

        return new PutCallRatio(puts, calls);
    }
}
