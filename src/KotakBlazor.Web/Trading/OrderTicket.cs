using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Trading;

/// <summary>What a trader fills in on the order ticket (or a hub client sends). Quantity in units.</summary>
public sealed record OrderTicket(
    InstrumentId Instrument,
    OrderSide Side,
    int Quantity,
    OrderType Type,
    ProductType Product,
    decimal? LimitPrice = null,
    decimal? TriggerPrice = null,
    bool AfterMarket = false,
    OrderPurpose Purpose = OrderPurpose.Entry,
    Guid? StrategyId = null)
{
    public OrderRequest ToRequest(OrderSource source, string requestedBy, string? idempotencyKey) =>
        new(Instrument, Side, Quantity, Type, Product,
            Type is OrderType.Limit or OrderType.StopLoss ? LimitPrice : null,
            Type is OrderType.StopLoss or OrderType.StopLossMarket ? TriggerPrice : null,
            source, requestedBy, Purpose, StrategyId, null, idempotencyKey, AfterMarket);
}
