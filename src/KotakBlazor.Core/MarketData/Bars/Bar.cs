using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.MarketData.Bars;

/// <summary>An OHLCV candle.</summary>
/// <param name="Instrument">Which instrument.</param>
/// <param name="Timeframe">The bar length.</param>
/// <param name="Start">When the bar's interval starts (aligned to the 09:15 IST session open).</param>
/// <param name="Open">First traded price in the interval.</param>
/// <param name="High">Highest traded price.</param>
/// <param name="Low">Lowest traded price.</param>
/// <param name="Close">Last traded price.</param>
/// <param name="Volume">Quantity traded in the interval.</param>
/// <param name="TickCount">Ticks that built the bar.</param>
public readonly record struct Bar(
    InstrumentId Instrument,
    Timeframe Timeframe,
    DateTimeOffset Start,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    long Volume,
    int TickCount)
{
    /// <summary>When the interval ends (exclusive).</summary>
    public DateTimeOffset End => Start + Timeframe.Duration;
}
