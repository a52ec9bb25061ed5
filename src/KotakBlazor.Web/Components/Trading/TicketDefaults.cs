using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>What an entry point fills in before the ticket opens (a watchlist row, a signal, a position).</summary>
/// <param name="Instrument">The instrument; null lets the trader search for one.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units (rounded to whole lots); null for one lot.</param>
/// <param name="Type">Order type.</param>
/// <param name="LimitPrice">The limit price for L and SL.</param>
/// <param name="Product">Product; null for the instrument's usual one.</param>
/// <param name="StrategyId">The strategy whose signal this ticket trades, so its P&amp;L is attributed there.</param>
/// <param name="Note">Shown above the form (e.g. that only a signal's first leg was filled in).</param>
public sealed record TicketDefaults(
    InstrumentId? Instrument = null,
    OrderSide Side = OrderSide.Buy,
    int? Quantity = null,
    OrderType Type = OrderType.Market,
    decimal? LimitPrice = null,
    ProductType? Product = null,
    Guid? StrategyId = null,
    string? Note = null);
