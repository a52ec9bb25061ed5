using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Options;

/// <summary>
/// Builds an <see cref="OptionChainSnapshot"/> from the instrument list and the latest ticks.
/// A pure function of its arguments: the caller supplies the spot, the rate and the time, so a
/// test can build the same chain twice and a screen can rebuild it on its own schedule.
/// </summary>
/// <remarks>
/// Implied volatilities are solved from each side's last traded price (not the mid, which can
/// be wide or one-sided on far strikes), with time to expiry in calendar days / 365 to the
/// 15:30 IST close of the expiry date, the convention the simulated market prices with.
/// </remarks>
public static class OptionChainBuilder
{
    /// <summary>Builds the chain for one underlying and expiry.</summary>
    /// <param name="instruments">Instruments to pick the chain's options from; the whole catalog (<see cref="IInstrumentCatalog.All"/>) will do, since anything else is skipped.</param>
    /// <param name="underlying">The underlying, by its derivative name (NIFTY) or its index name (NIFTY 50); matched exactly, never by prefix.</param>
    /// <param name="expiry">The expiry date.</param>
    /// <param name="spot">The underlying's price; must be positive.</param>
    /// <param name="asOf">The moment the chain describes: time to expiry is measured from here.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate for the implied volatilities.</param>
    /// <param name="latestTick">The latest tick of an instrument, or null when it has not ticked.</param>
    /// <param name="openInterest">Supplies the change in open interest; when null every change is null.</param>
    /// <param name="dividendYield">Continuously compounded annual dividend yield for the implied volatilities.</param>
    /// <exception cref="ArgumentException">Two options share an underlying, expiry, strike and type.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spot"/> is not positive, or a rate is not finite.</exception>
    public static OptionChainSnapshot Build(
        IEnumerable<Instrument> instruments,
        string underlying,
        DateOnly expiry,
        decimal spot,
        DateTimeOffset asOf,
        double riskFreeRate,
        Func<InstrumentId, Tick?> latestTick,
        OpenInterestTracker? openInterest = null,
        double dividendYield = 0.0)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(underlying);
        ArgumentNullException.ThrowIfNull(latestTick);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spot);
        ThrowIfNotFinite(riskFreeRate, nameof(riskFreeRate));
        ThrowIfNotFinite(dividendYield, nameof(dividendYield));

        var name = UnderlyingNames.Canonical(underlying);
        var years = YearsToExpiry(expiry, asOf);
        var sides = new SortedDictionary<decimal, (OptionQuote? Call, OptionQuote? Put)>();
        foreach (var instrument in instruments)
        {
            if (instrument is not { Type: InstrumentType.Option, Strike: { } strike, OptionType: { } type }
                || instrument.Expiry != expiry
                || UnderlyingNames.Canonical(instrument.Underlying) != name)
            {
                continue;
            }

            var quote = Quote(instrument, type, strike, spot, years, riskFreeRate, dividendYield, latestTick(instrument.Id), openInterest);
            sides.TryGetValue(strike, out var row);
            var existing = type == OptionType.Call ? row.Call : row.Put;
            if (existing is not null)
            {
                throw new ArgumentException(
                    $"{existing.Instrument.TradingSymbol} and {instrument.TradingSymbol} are both the {underlying} {expiry:yyyy-MM-dd} {strike} {type}.",
                    nameof(instruments));
            }

            sides[strike] = type == OptionType.Call ? (quote, row.Put) : (row.Call, quote);
        }

        return new OptionChainSnapshot(
            name,
            expiry,
            spot,
            asOf,
            years,
            riskFreeRate,
            dividendYield,
            sides.Select(static pair => new OptionChainRow(pair.Key, pair.Value.Call, pair.Value.Put)));
    }

    /// <summary>Builds the chain reading ticks from <paramref name="marketState"/>; see the other overload.</summary>
    /// <param name="instruments">Instruments to pick the chain's options from.</param>
    /// <param name="underlying">The underlying, by its derivative or index name.</param>
    /// <param name="expiry">The expiry date.</param>
    /// <param name="spot">The underlying's price; must be positive.</param>
    /// <param name="asOf">The moment the chain describes.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate.</param>
    /// <param name="marketState">Where the latest ticks are.</param>
    /// <param name="openInterest">Supplies the change in open interest; when null every change is null.</param>
    /// <param name="dividendYield">Continuously compounded annual dividend yield.</param>
    public static OptionChainSnapshot Build(
        IEnumerable<Instrument> instruments,
        string underlying,
        DateOnly expiry,
        decimal spot,
        DateTimeOffset asOf,
        double riskFreeRate,
        MarketState marketState,
        OpenInterestTracker? openInterest = null,
        double dividendYield = 0.0)
    {
        ArgumentNullException.ThrowIfNull(marketState);
        return Build(
            instruments,
            underlying,
            expiry,
            spot,
            asOf,
            riskFreeRate,
            id => marketState.TryGetLatest(id, out var tick) ? tick : null,
            openInterest,
            dividendYield);
    }

    /// <summary>
    /// Years from <paramref name="asOf"/> to the 15:30 IST close of <paramref name="expiry"/>, in
    /// calendar days / 365; negative once expired.
    /// </summary>
    public static double YearsToExpiry(DateOnly expiry, DateTimeOffset asOf) =>
        (IndianMarketTime.AtIst(expiry, IndianMarketTime.SessionClose) - asOf).TotalDays / OptionGreeks.CalendarDaysPerYear;

    private static OptionQuote Quote(
        Instrument instrument,
        OptionType type,
        decimal strike,
        decimal spot,
        double years,
        double riskFreeRate,
        double dividendYield,
        Tick? latest,
        OpenInterestTracker? openInterest)
    {
        long? change = openInterest is not null && openInterest.TryGet(instrument.Id, out var tracked) ? tracked.Change : null;
        if (latest is not { } tick)
        {
            return new OptionQuote(instrument, false, 0m, 0m, 0m, 0, 0, change, null, null);
        }

        ImpliedVolatilityResult? solve = null;
        OptionGreeks? greeks = null;
        if (tick.LastPrice > 0)
        {
            var result = ImpliedVolatility.Solve(type, (double)tick.LastPrice, (double)spot, (double)strike, years, riskFreeRate, dividendYield);
            solve = result;
            if (result.Succeeded)
            {
                greeks = BlackScholes.Greeks(type, (double)spot, (double)strike, years, result.Volatility, riskFreeRate, dividendYield);
            }
        }

        return new OptionQuote(instrument, true, tick.LastPrice, tick.BidPrice, tick.AskPrice, tick.Volume, tick.OpenInterest, change, solve, greeks);
    }

    private static void ThrowIfNotFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number.");
        }
    }
}
