using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>Option prices from the NIFTY spot: Black-Scholes on a skewed, wandering volatility surface.</summary>
public sealed partial class SimulatedMarket
{
    /// <summary>The implied volatility the market uses for a NIFTY strike right now.</summary>
    public double ImpliedVolatility(decimal strike)
    {
        var x = Math.Log((double)strike / _skewReference);
        return Math.Max(MinImpliedVolatility, AtmVolatility + (SkewSlope * -x) + (SmileCurvature * x * x));
    }

    /// <summary>
    /// What the market would print for a NIFTY option at <paramref name="spot"/> and
    /// <paramref name="now"/> with today's volatility surface: the Black-Scholes value rounded
    /// to the tick and never below one tick.
    /// </summary>
    public decimal OptionPrice(Instrument option, decimal spot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (option.Type != InstrumentType.Option || option.Strike is null || option.OptionType is null)
        {
            throw new ArgumentException("Not an option.", nameof(option));
        }

        return Price(option, (double)spot, now);
    }

    private decimal Price(Instrument option, double spot, DateTimeOffset now)
    {
        var strike = option.Strike!.Value;
        var value = BlackScholes.Price(
            option.OptionType!.Value,
            spot,
            (double)strike,
            YearsToExpiry(option, now),
            ImpliedVolatility(strike),
            _options.RiskFreeRate);
        return RoundToTick(value, option.TickSize);
    }

    private static double YearsToExpiry(Instrument derivative, DateTimeOffset now)
    {
        var expiry = IndianMarketTime.AtIst(derivative.Expiry!.Value, IndianMarketTime.SessionClose);
        return Math.Max(0.0, (expiry - now).TotalDays / CalendarDaysPerYear);
    }
}
