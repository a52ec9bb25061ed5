using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Options.Builder;

/// <summary>
/// The payoff of a set of option legs: at expiry (intrinsic values, exact) and today (Black-Scholes
/// at each leg's implied volatility from the chain), breakevens, maximum profit and loss, and the
/// worst case within a stress range for the daily-loss budget.
/// </summary>
/// <remarks>
/// At expiry the payoff is piecewise linear in the underlying with kinks at the strikes, so
/// breakevens and the extremes are found exactly from the value at each strike and the slopes
/// beyond the outermost strikes (calls add slope above the highest, puts below the lowest), not
/// from a sampled curve. A leg without an implied volatility is valued today at the mean of the
/// others' (a contract that has not traded yet still has a sensible value).
/// </remarks>
public static class PayoffCalculator
{
    /// <summary>How many points the chart's curve has.</summary>
    public const int CurvePoints = 121;

    /// <summary>Analyses the legs against the underlying at <paramref name="spot"/>.</summary>
    /// <param name="legs">Option legs with their entry prices and volatilities.</param>
    /// <param name="spot">The underlying's price; positive.</param>
    /// <param name="yearsToExpiry">Years left (the chain's figure); 0 or less values today as at expiry.</param>
    /// <param name="riskFreeRate">The chain's rate.</param>
    /// <param name="dividendYield">The chain's dividend yield.</param>
    /// <param name="stressPercent">The stress range, in percent either side of spot, for <see cref="StrategyAnalysis.WorstCase"/>.</param>
    /// <exception cref="ArgumentException">No legs, or a leg that is not an option.</exception>
    public static StrategyAnalysis Analyse(IReadOnlyList<BuilderLeg> legs, decimal spot, double yearsToExpiry, double riskFreeRate, double dividendYield = 0.0, decimal stressPercent = 5m)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spot);
        ArgumentOutOfRangeException.ThrowIfNegative(stressPercent);
        if (legs.Count == 0)
        {
            throw new ArgumentException("A structure needs at least one leg.", nameof(legs));
        }

        foreach (var leg in legs)
        {
            if (leg.Instrument is not { Type: InstrumentType.Option, Strike: > 0, OptionType: not null })
            {
                throw new ArgumentException($"{leg.Instrument.TradingSymbol} is not an option.", nameof(legs));
            }
        }

        var strikes = legs.Select(l => l.Instrument.Strike!.Value).Distinct().Order().ToArray();
        var values = strikes.Select(k => AtExpiry(legs, k)).ToArray();
        var slopeBelow = legs.Where(l => l.Instrument.OptionType == OptionType.Put).Sum(l => -(decimal)(l.Sign * l.Quantity));
        var slopeAbove = legs.Where(l => l.Instrument.OptionType == OptionType.Call).Sum(l => (decimal)(l.Sign * l.Quantity));

        var atZero = values[0] - (slopeBelow * strikes[0]);
        var candidates = values.Append(atZero).ToArray();
        decimal? maxProfit = slopeAbove > 0 ? null : candidates.Max();
        decimal? maxLoss = slopeAbove < 0 ? null : Math.Max(0m, -candidates.Min());

        var stressLow = Math.Round(spot * (1m - (stressPercent / 100m)), 2);
        var stressHigh = Math.Round(spot * (1m + (stressPercent / 100m)), 2);
        var volatility = FallbackVolatility(legs);
        var worst = 0m;
        foreach (var s in Samples(stressLow, stressHigh, 61).Concat(strikes.Where(k => k >= stressLow && k <= stressHigh)))
        {
            worst = Math.Min(worst, AtExpiry(legs, s));
            if (Today(legs, s, yearsToExpiry, riskFreeRate, dividendYield, volatility) is { } today)
            {
                worst = Math.Min(worst, today);
            }
        }

        var halfWidth = Math.Max(spot * Math.Max(stressPercent, 2m) / 100m, strikes.Max(k => Math.Abs(k - spot))) * 1.25m;
        var curve = Samples(Math.Max(0.01m, spot - halfWidth), spot + halfWidth, CurvePoints)
            .Select(s => new PayoffPoint(s, AtExpiry(legs, s), Today(legs, s, yearsToExpiry, riskFreeRate, dividendYield, volatility)))
            .ToArray();

        return new StrategyAnalysis(
            NetPremium(legs),
            Breakevens(strikes, values, slopeBelow, slopeAbove),
            maxProfit,
            maxLoss,
            -worst,
            stressLow,
            stressHigh,
            curve);
    }

    /// <summary>Premium collected (positive) or paid (negative) at the legs' entry prices, in rupees.</summary>
    public static decimal NetPremium(IEnumerable<BuilderLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        return legs.Sum(l => -l.Sign * l.Quantity * l.EntryPrice);
    }

    /// <summary>P&amp;L in rupees at expiry with the underlying at <paramref name="spot"/>.</summary>
    public static decimal AtExpiry(IEnumerable<BuilderLeg> legs, decimal spot)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var total = 0m;
        foreach (var leg in legs)
        {
            var strike = leg.Instrument.Strike!.Value;
            var intrinsic = leg.Instrument.OptionType == OptionType.Call ? Math.Max(0m, spot - strike) : Math.Max(0m, strike - spot);
            total += leg.Sign * leg.Quantity * (intrinsic - leg.EntryPrice);
        }

        return total;
    }

    /// <summary>P&amp;L in rupees now with the underlying at <paramref name="spot"/>; null when no leg has a volatility.</summary>
    public static decimal? Today(IReadOnlyList<BuilderLeg> legs, decimal spot, double yearsToExpiry, double riskFreeRate, double dividendYield = 0.0) =>
        Today(legs, spot, yearsToExpiry, riskFreeRate, dividendYield, FallbackVolatility(legs));

    private static decimal? Today(IReadOnlyList<BuilderLeg> legs, decimal spot, double years, double rate, double yield, double? fallback)
    {
        if (fallback is null && years > 0)
        {
            return null;
        }

        var total = 0m;
        foreach (var leg in legs)
        {
            var volatility = leg.ImpliedVolatility ?? fallback ?? 0.0;
            var value = BlackScholes.Price(leg.Instrument.OptionType!.Value, (double)spot, (double)leg.Instrument.Strike!.Value, years, volatility, rate, yield);
            total += leg.Sign * leg.Quantity * ((decimal)value - leg.EntryPrice);
        }

        return Math.Round(total, 2);
    }

    private static double? FallbackVolatility(IReadOnlyList<BuilderLeg> legs)
    {
        var known = legs.Where(l => l.ImpliedVolatility is > 0).Select(l => l.ImpliedVolatility!.Value).ToArray();
        return known.Length == 0 ? null : known.Average();
    }

    private static IReadOnlyList<decimal> Breakevens(decimal[] strikes, decimal[] values, decimal slopeBelow, decimal slopeAbove)
    {
        var roots = new SortedSet<decimal>();
        if (slopeBelow != 0)
        {
            var root = strikes[0] - (values[0] / slopeBelow);
            if (root > 0 && root < strikes[0])
            {
                roots.Add(Math.Round(root, 2));
            }
        }

        for (var i = 0; i < strikes.Length; i++)
        {
            if (values[i] == 0)
            {
                roots.Add(strikes[i]);
            }
            else if (i + 1 < strikes.Length && values[i + 1] != 0 && (values[i] < 0) != (values[i + 1] < 0))
            {
                roots.Add(Math.Round(strikes[i] + (values[i] * (strikes[i + 1] - strikes[i]) / (values[i] - values[i + 1])), 2));
            }
        }

        if (slopeAbove != 0)
        {
            var root = strikes[^1] - (values[^1] / slopeAbove);
            if (root > strikes[^1])
            {
                roots.Add(Math.Round(root, 2));
            }
        }

        return [.. roots];
    }

    private static IEnumerable<decimal> Samples(decimal low, decimal high, int count)
    {
        var step = (high - low) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            yield return Math.Round(low + (step * i), 2);
        }
    }
}
