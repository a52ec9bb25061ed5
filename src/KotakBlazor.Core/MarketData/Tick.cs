using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.MarketData;

/// <summary>
/// One market update for one instrument. A value type so the hot path from feed to bus
/// allocates nothing per tick.
/// </summary>
/// <param name="Instrument">Which instrument.</param>
/// <param name="LastPrice">Last traded price (LTP).</param>
/// <param name="LastQuantity">Quantity of the last trade.</param>
/// <param name="Volume">Cumulative traded volume for the day.</param>
/// <param name="OpenInterest">Open interest (derivatives); 0 otherwise.</param>
/// <param name="BidPrice">Best bid; 0 when unknown.</param>
/// <param name="AskPrice">Best ask; 0 when unknown.</param>
/// <param name="PreviousClose">The previous session's close, for change and % change.</param>
/// <param name="ExchangeTime">When the exchange (or simulator) made the tick.</param>
/// <param name="Sequence">Stamped by ingestion: a gap-free, increasing number across all feeds.</param>
/// <param name="ReceivedAt">Stamped by ingestion: when we accepted the tick.</param>
public readonly record struct Tick(
    InstrumentId Instrument,
    decimal LastPrice,
    long LastQuantity,
    long Volume,
    long OpenInterest,
    decimal BidPrice,
    decimal AskPrice,
    decimal PreviousClose,
    DateTimeOffset ExchangeTime,
    long Sequence = 0,
    DateTimeOffset ReceivedAt = default)
{
    /// <summary>LTP minus the previous close; 0 when the close is unknown.</summary>
    public decimal Change => PreviousClose > 0 ? LastPrice - PreviousClose : 0m;

    /// <summary>Change as a percentage of the previous close; 0 when the close is unknown.</summary>
    public decimal ChangePercent => PreviousClose > 0 ? (LastPrice - PreviousClose) * 100m / PreviousClose : 0m;
}
