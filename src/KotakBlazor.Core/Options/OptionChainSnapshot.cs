namespace KotakBlazor.Core.Options;

/// <summary>
/// An option chain for one underlying and expiry at one moment: a row per strike, sorted by
/// strike, with the at-the-money strike marked. Immutable, so a screen can render it while the
/// next one is being built.
/// </summary>
public sealed class OptionChainSnapshot
{
    private readonly OptionChainRow[] _rows;

    /// <summary>Creates a snapshot; the rows are sorted by strike here, in whatever order they come.</summary>
    /// <param name="underlying">The underlying's name (NIFTY, BANKNIFTY, RELIANCE).</param>
    /// <param name="expiry">The expiry date every option in the rows shares.</param>
    /// <param name="spot">The underlying's price the chain was read against; must be positive.</param>
    /// <param name="asOf">The moment the chain describes.</param>
    /// <param name="yearsToExpiry">Years from <paramref name="asOf"/> to expiry, as used for the implied volatilities (0 or less once expired).</param>
    /// <param name="riskFreeRate">The continuously compounded rate used for the implied volatilities.</param>
    /// <param name="dividendYield">The continuously compounded dividend yield used for the implied volatilities.</param>
    /// <param name="rows">One row per strike.</param>
    /// <exception cref="ArgumentException">Two rows share a strike, or an option's expiry is not <paramref name="expiry"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spot"/> is not positive.</exception>
    public OptionChainSnapshot(
        string underlying,
        DateOnly expiry,
        decimal spot,
        DateTimeOffset asOf,
        double yearsToExpiry,
        double riskFreeRate,
        double dividendYield,
        IEnumerable<OptionChainRow> rows)
    {
        ArgumentNullException.ThrowIfNull(underlying);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spot);

        _rows = [.. rows];
        Array.Sort(_rows, static (a, b) => a.Strike.CompareTo(b.Strike));
        for (var i = 0; i < _rows.Length; i++)
        {
            var row = _rows[i] ?? throw new ArgumentException("A row is null.", nameof(rows));
            if (i > 0 && _rows[i - 1].Strike == row.Strike)
            {
                throw new ArgumentException($"Two rows have strike {row.Strike}.", nameof(rows));
            }

            foreach (var quote in (ReadOnlySpan<OptionQuote?>)[row.Call, row.Put])
            {
                if (quote is not null && quote.Instrument.Expiry != expiry)
                {
                    throw new ArgumentException($"{quote.Instrument.TradingSymbol} does not expire on {expiry:yyyy-MM-dd}.", nameof(rows));
                }
            }
        }

        Underlying = underlying;
        Expiry = expiry;
        Spot = spot;
        AsOf = asOf;
        YearsToExpiry = yearsToExpiry;
        RiskFreeRate = riskFreeRate;
        DividendYield = dividendYield;
        AtmIndex = NearestStrikeIndex(_rows, spot);
    }

    /// <summary>The underlying's name.</summary>
    public string Underlying { get; }

    /// <summary>The expiry date.</summary>
    public DateOnly Expiry { get; }

    /// <summary>The underlying's price the chain was read against.</summary>
    public decimal Spot { get; }

    /// <summary>The moment the chain describes.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Years from <see cref="AsOf"/> to expiry used by the model (0 or less once expired).</summary>
    public double YearsToExpiry { get; }

    /// <summary>The risk-free rate used by the model.</summary>
    public double RiskFreeRate { get; }

    /// <summary>The dividend yield used by the model.</summary>
    public double DividendYield { get; }

    /// <summary>The rows, one per strike, in ascending strike order.</summary>
    public IReadOnlyList<OptionChainRow> Rows => _rows;

    /// <summary>
    /// The index in <see cref="Rows"/> of the at-the-money strike, the one nearest the spot (the
    /// lower of two equally near); -1 when the chain is empty.
    /// </summary>
    public int AtmIndex { get; }

    /// <summary>The at-the-money strike; null when the chain is empty.</summary>
    public decimal? AtmStrike => AtmIndex < 0 ? null : _rows[AtmIndex].Strike;

    private static int NearestStrikeIndex(OptionChainRow[] sortedRows, decimal spot)
    {
        var nearest = -1;
        var nearestDistance = decimal.MaxValue;
        for (var i = 0; i < sortedRows.Length; i++)
        {
            // Strictly nearer only, so the lower strike wins a tie.
            var distance = Math.Abs(sortedRows[i].Strike - spot);
            if (distance < nearestDistance)
            {
                nearest = i;
                nearestDistance = distance;
            }
        }

        return nearest;
    }
}
