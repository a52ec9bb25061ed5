using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Tests.Orders;

/// <summary>Orders, events and fills as the execution engine would make them.</summary>
internal static class OrderSamples
{
    public static readonly DateTimeOffset Open = new(2026, 12, 4, 3, 45, 0, TimeSpan.Zero);

    public static readonly InstrumentId NiftyCall = new(ExchangeSegment.NseFo, 43215);

    public static Order Pending(string tag, DateTimeOffset placedAt, string symbol = "NIFTY26DEC24500CE", string? idempotencyKey = null) => new()
    {
        Id = Guid.NewGuid(),
        Tag = tag,
        Instrument = NiftyCall,
        TradingSymbol = symbol,
        Side = OrderSide.Buy,
        Quantity = 75,
        Type = OrderType.Limit,
        Product = ProductType.Nrml,
        LimitPrice = 102.35m,
        Status = OrderStatus.PendingSubmit,
        Source = OrderSource.Ticket,
        RequestedBy = "trader1",
        IdempotencyKey = idempotencyKey,
        PlacedAt = placedAt,
        UpdatedAt = placedAt,
    };

    public static OrderEvent Created(Order order) =>
        new(order.Id, order.PlacedAt, OrderEventKind.Created, null, OrderStatus.PendingSubmit, "intent stored", order.RequestedBy);

    public static OrderEvent Moved(Order order, OrderStatus from, OrderStatus to, DateTimeOffset at, string detail = "broker update") =>
        new(order.Id, at, OrderEventKind.StatusChanged, from, to, detail, "broker");

    public static Fill Fill(Order order, string tradeId, int quantity, decimal price, DateTimeOffset at) =>
        new(tradeId, order.Id, order.BrokerOrderId ?? "B-" + order.Tag, order.Instrument, order.TradingSymbol, order.Side, order.Product, quantity, price, at, order.StrategyId);
}
