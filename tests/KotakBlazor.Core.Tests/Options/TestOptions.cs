using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;

namespace KotakBlazor.Core.Tests.Options;

/// <summary>Hand-made option contracts and chains for tests.</summary>
internal static class TestOptions
{
    /// <summary>The Tuesday after <see cref="TestTicks.TradingDay"/>: a NIFTY weekly expiry.</summary>
    public static readonly DateOnly Expiry = TestTicks.TradingDay.AddDays(1);

    private static int _nextToken = 40_000;

    public static Instrument Option(decimal strike, OptionType type, DateOnly? expiry = null, string underlying = "NIFTY")
    {
        var day = expiry ?? Expiry;
        var side = type == OptionType.Call ? "CE" : "PE";
        var symbol = string.Create(CultureInfo.InvariantCulture, $"{underlying}{day:yyMMdd}{strike:0}{side}");
        return new Instrument(
            new InstrumentId(ExchangeSegment.NseFo, Interlocked.Increment(ref _nextToken)),
            symbol,
            underlying,
            string.Create(CultureInfo.InvariantCulture, $"{underlying} {day:dd MMM} {strike:0} {side}"),
            InstrumentType.Option,
            underlying,
            LotSize: 75,
            TickSize: 0.05m,
            FreezeQuantity: 1800,
            day,
            strike,
            type);
    }

    /// <summary>A chain with the given open interest and volume, and no prices (so no implied volatilities).</summary>
    public static OptionChainSnapshot Chain(decimal spot, params (decimal Strike, long CallOi, long PutOi, long CallVolume, long PutVolume)[] rows) =>
        new(
            "NIFTY",
            Expiry,
            spot,
            TestTicks.Ist(10, 0),
            0.01,
            0.065,
            0.0,
            rows.Select(r => new OptionChainRow(
                r.Strike,
                Quote(Option(r.Strike, OptionType.Call), r.CallOi, r.CallVolume),
                Quote(Option(r.Strike, OptionType.Put), r.PutOi, r.PutVolume))));

    public static OptionQuote Quote(Instrument option, long openInterest = 0, long volume = 0) =>
        new(option, true, 0m, 0m, 0m, volume, openInterest, null, null, null);
}
