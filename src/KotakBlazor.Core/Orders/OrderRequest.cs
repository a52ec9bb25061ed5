using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Orders;

/// <summary>
/// What someone (a strategy, a trader, a hub client, the system) asks to trade, before the risk
/// checks. Quantities are in units (lots x lot size), never lots.
/// </summary>
/// <param name="Instrument">What to trade.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units; must be a positive multiple of the lot size.</param>
/// <param name="Type">Market, limit, SL or SL-M.</param>
/// <param name="Product">NRML, MIS or CNC.</param>
/// <param name="LimitPrice">The limit price for L and SL orders; null for MKT and SL-M.</param>
/// <param name="TriggerPrice">The trigger for SL and SL-M orders; null otherwise.</param>
/// <param name="Source">Which path it came from.</param>
/// <param name="RequestedBy">The user name, or <c>strategy:&lt;name&gt;</c>, or <c>system</c>.</param>
/// <param name="Purpose">Entry, exit, stop-loss, target or unwind.</param>
/// <param name="StrategyId">The strategy it is attributed to, if any.</param>
/// <param name="GroupId">The multi-leg group it belongs to, if any.</param>
/// <param name="IdempotencyKey">A key the caller sends once per button press; the same key never places twice.</param>
/// <param name="AfterMarket">True to place as an after-market order (waits for the next open).</param>
/// <param name="Validity">DAY or IOC.</param>
public sealed record OrderRequest(
    InstrumentId Instrument,
    OrderSide Side,
    int Quantity,
    OrderType Type,
    ProductType Product,
    decimal? LimitPrice,
    decimal? TriggerPrice,
    OrderSource Source,
    string RequestedBy,
    OrderPurpose Purpose = OrderPurpose.Entry,
    Guid? StrategyId = null,
    Guid? GroupId = null,
    string? IdempotencyKey = null,
    bool AfterMarket = false,
    OrderValidity Validity = OrderValidity.Day);
