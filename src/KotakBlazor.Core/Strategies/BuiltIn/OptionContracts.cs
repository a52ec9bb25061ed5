using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>Finds the option contracts an option strategy trades: expiries, strikes near the spot, strikes by delta.</summary>
internal static class OptionContracts
{
    /// <summary>The rate implied volatilities and deltas are solved with: the simulated market's, near the RBI repo rate.</summary>
    public const double RiskFreeRate = 0.065;

    /// <summary>The expiry that comes first.</summary>
    public const string Nearest = "Nearest";

    /// <summary>The expiry after the nearest (next week's, for a weekly series).</summary>
    public const string NextWeekly = "Next weekly";

    /// <summary>Strikes a number of points from the spot.</summary>
    public const string ByPoints = "Points from spot";

    /// <summary>Strikes by the delta of the option.</summary>
    public const string ByDelta = "Delta";

    /// <summary>How the short strikes are chosen.</summary>
    public static StrategyParameter StrikeSelectionParameter { get; } = new(
        "strikeSelection", "Choose strikes by", StrategyParameterKind.Choice, ByPoints, Help: "Points from the spot, or the option delta nearest the target delta.", Choices: [ByPoints, ByDelta]);

    /// <summary>The expiry choice every option strategy takes.</summary>
    public static StrategyParameter ExpiryParameter { get; } = new(
        "expiry", "Expiry", StrategyParameterKind.Choice, Nearest, Help: "Trade the nearest expiry, or the one after it.", Choices: [Nearest, NextWeekly]);

    /// <summary>The options listed on <paramref name="underlying"/>'s underlying, picked out of the catalogue once.</summary>
    public static IReadOnlyList<Instrument> OptionsOf(IInstrumentCatalog catalog, Instrument underlying)
    {
        var name = UnderlyingNames.Canonical(underlying.Underlying);
        return [.. catalog.All.Where(i => i is { Type: InstrumentType.Option, Expiry: not null, Strike: not null, OptionType: not null } && UnderlyingNames.Canonical(i.Underlying) == name)];
    }

    /// <summary>The expiry the choice names among those not yet past on the IST date of <paramref name="now"/>; null when there is none.</summary>
    public static DateOnly? ChooseExpiry(IReadOnlyList<Instrument> options, DateTimeOffset now, string choice)
    {
        var today = IndianMarketTime.IstDate(now);
        var expiries = options.Select(o => o.Expiry!.Value).Where(e => e >= today).Distinct().Order().Take(2).ToList();
        var index = choice == NextWeekly ? 1 : 0;
        return index < expiries.Count ? expiries[index] : null;
    }

    /// <summary>The chain of one expiry with IVs and deltas from the latest ticks the context holds.</summary>
    public static OptionChainSnapshot Chain(IStrategyContext context, IReadOnlyList<Instrument> options, Instrument underlying, DateOnly expiry, decimal spot) =>
        OptionChainBuilder.Build(options, underlying.Underlying, expiry, spot, context.Now, RiskFreeRate, id => context.TryGetLatest(id, out var t) ? t : null);

    /// <summary>The row whose strike is nearest <paramref name="price"/> (the lower of two equally near); null for an empty chain.</summary>
    public static OptionChainRow? NearestRow(OptionChainSnapshot chain, decimal price)
    {
        OptionChainRow? nearest = null;
        foreach (var row in chain.Rows)
        {
            if (nearest is null || Math.Abs(row.Strike - price) < Math.Abs(nearest.Strike - price))
            {
                nearest = row;
            }
        }

        return nearest;
    }

    /// <summary>The row at exactly <paramref name="strike"/>; null when that strike is not listed.</summary>
    public static OptionChainRow? RowAt(OptionChainSnapshot chain, decimal strike) => chain.Rows.FirstOrDefault(r => r.Strike == strike);

    /// <summary>The option of <paramref name="type"/> whose |delta| is nearest <paramref name="absoluteDelta"/>, among those with a delta.</summary>
    public static OptionQuote? NearestDelta(OptionChainSnapshot chain, OptionType type, double absoluteDelta)
    {
        OptionQuote? best = null;
        foreach (var row in chain.Rows)
        {
            var quote = type == OptionType.Call ? row.Call : row.Put;
            if (quote?.Delta is not { } delta)
            {
                continue;
            }

            // Strictly nearer only, so ties resolve the same way on every run.
            if (best is null || Math.Abs(Math.Abs(delta) - absoluteDelta) < Math.Abs(Math.Abs(best.Delta!.Value) - absoluteDelta))
            {
                best = quote;
            }
        }

        return best;
    }

    /// <summary>The at-the-money IV: the average of the ATM call's and put's where both solved, else whichever did.</summary>
    public static double? AtmImpliedVolatility(OptionChainSnapshot chain)
    {
        if (chain.AtmIndex < 0)
        {
            return null;
        }

        var row = chain.Rows[chain.AtmIndex];
        double?[] values = [row.Call?.ImpliedVolatility, row.Put?.ImpliedVolatility];
        var solved = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return solved.Count == 0 ? null : solved.Average();
    }

    /// <summary>Whether a quote has a price to trade at.</summary>
    public static bool IsPriced(OptionQuote? quote) => quote is { HasTicked: true, LastPrice: > 0m };
}
