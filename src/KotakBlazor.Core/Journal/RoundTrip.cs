using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Journal;

/// <summary>
/// One closed trade for the journal: a quantity opened and closed again, with its prices, times
/// and P&amp;L. Built from fills by <see cref="RoundTripBuilder"/>.
/// </summary>
/// <param name="Id">The entry order's id (or the entry trade id for a trade without an order); a later piece of the same entry gets <c>#2</c>, <c>#3</c>... Stable as more fills arrive, so notes stay attached.</param>
/// <param name="StrategyId">The strategy that traded it; null for the ticket and manual trades.</param>
/// <param name="Instrument">What was traded.</param>
/// <param name="TradingSymbol">Its trading symbol.</param>
/// <param name="Product">NRML, MIS or CNC.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="Quantity">Units opened and closed.</param>
/// <param name="EntryPrice">The average entry price (4 decimals).</param>
/// <param name="ExitPrice">The average exit price (4 decimals).</param>
/// <param name="EntryTime">When the entry (its first fill) traded.</param>
/// <param name="ExitTime">When the exit (its last fill) traded.</param>
/// <param name="Pnl">(exit - entry) x quantity for a long, (entry - exit) x quantity for a short, in rupees (to the paisa).</param>
/// <param name="Note">The trader's note, when one was written.</param>
public sealed record RoundTrip(
    string Id,
    Guid? StrategyId,
    InstrumentId Instrument,
    string TradingSymbol,
    ProductType Product,
    TradeDirection Direction,
    int Quantity,
    decimal EntryPrice,
    decimal ExitPrice,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    decimal Pnl,
    string? Note = null)
{
    /// <summary>How long the trade was held.</summary>
    public TimeSpan HoldingTime => ExitTime - EntryTime;
}
