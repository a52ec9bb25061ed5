using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests;

/// <summary>Builds ticks and instruments for tests; times are written in IST, as traders read them.</summary>
internal static class TestTicks
{
    public static readonly DateOnly TradingDay = new(2025, 11, 24); // a Monday

    public static readonly InstrumentId Nifty = new(ExchangeSegment.NseCm, 26000);
    public static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);
    public static readonly InstrumentId NiftyFuture = new(ExchangeSegment.NseFo, 52175);

    public static DateTimeOffset Ist(int hour, int minute, int second = 0, int millisecond = 0) =>
        IndianMarketTime.AtIst(TradingDay, new TimeOnly(hour, minute, second, millisecond));

    public static DateTimeOffset Ist(DateOnly day, int hour, int minute, int second = 0) =>
        IndianMarketTime.AtIst(day, new TimeOnly(hour, minute, second));

    public static Tick At(DateTimeOffset exchangeTime, decimal price, long volume = 0, long quantity = 1, InstrumentId? instrument = null) =>
        new(instrument ?? Nifty, price, quantity, volume, 0, price - 0.05m, price + 0.05m, 100m, exchangeTime);
}
