using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>One instrument's snapshot from the quotes call.</summary>
/// <param name="Instrument">Segment and token.</param>
/// <param name="Symbol">The display symbol.</param>
/// <param name="LastPrice">Last traded price.</param>
/// <param name="LastQuantity">Quantity of the last trade.</param>
/// <param name="Volume">The day's volume.</param>
/// <param name="OpenInterest">Open interest.</param>
/// <param name="Open">Day open.</param>
/// <param name="High">Day high.</param>
/// <param name="Low">Day low.</param>
/// <param name="PreviousClose">Previous close (<c>ohlc.close</c>).</param>
/// <param name="BestBid">Best bid; 0 when the book is empty.</param>
/// <param name="BestAsk">Best ask; 0 when the book is empty.</param>
/// <param name="LastTradeTime">When it last traded, when given.</param>
public sealed record KotakQuote(
    InstrumentId Instrument,
    string? Symbol,
    decimal LastPrice,
    long LastQuantity,
    long Volume,
    long OpenInterest,
    decimal Open,
    decimal High,
    decimal Low,
    decimal PreviousClose,
    decimal BestBid,
    decimal BestAsk,
    DateTimeOffset? LastTradeTime)
{
    /// <summary>The snapshot as a tick (for a screen or a paper broker running on Kotak prices).</summary>
    public Tick ToTick(DateTimeOffset fallbackTime) =>
        new(Instrument, LastPrice, LastQuantity, Volume, OpenInterest, BestBid, BestAsk, PreviousClose, LastTradeTime ?? fallbackTime);
}
