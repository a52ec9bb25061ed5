using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;

namespace KotakBlazor.Infrastructure.Orders;

/// <summary>Between Core's order, event and fill values and their rows.</summary>
internal static class OrderMapping
{
    public static OrderRecord ToRecord(Order order)
    {
        var record = new OrderRecord { Tag = order.Tag, InstrumentKey = string.Empty, TradingSymbol = string.Empty, RequestedBy = string.Empty };
        CopyTo(order, record);
        return record;
    }

    /// <summary>Writes every field of the order onto its row: the row always mirrors the latest value whole.</summary>
    public static void CopyTo(Order order, OrderRecord record)
    {
        record.Id = order.Id;
        record.Tag = order.Tag;
        record.BrokerOrderId = order.BrokerOrderId;
        record.InstrumentKey = order.Instrument.ToString();
        record.TradingSymbol = order.TradingSymbol;
        record.Side = order.Side;
        record.Quantity = order.Quantity;
        record.Type = order.Type;
        record.Product = order.Product;
        record.LimitPrice = order.LimitPrice;
        record.TriggerPrice = order.TriggerPrice;
        record.AfterMarket = order.AfterMarket;
        record.Validity = order.Validity;
        record.Status = order.Status;
        record.Position = order.Position;
        record.Source = order.Source;
        record.RequestedBy = order.RequestedBy;
        record.Purpose = order.Purpose;
        record.StrategyId = order.StrategyId;
        record.GroupId = order.GroupId;
        record.ParentOrderId = order.ParentOrderId;
        record.IdempotencyKey = order.IdempotencyKey;
        record.FilledQuantity = order.FilledQuantity;
        record.AveragePrice = order.AveragePrice;
        record.Reason = order.Reason;
        record.PlacedAt = order.PlacedAt;
        record.UpdatedAt = order.UpdatedAt;
        record.LastStatusCheck = order.LastStatusCheck;
        record.FilledAt = order.FilledAt;
        record.FirstFailedAt = order.FirstFailedAt;
        record.LastRetryAt = order.LastRetryAt;
        record.RetryCount = order.RetryCount;
        record.QuantityAdjustedAt = order.QuantityAdjustedAt;
        record.ManualDetectedAt = order.ManualDetectedAt;
        record.ClosedAt = order.ClosedAt;
    }

    public static Order ToOrder(OrderRecord record) => new()
    {
        Id = record.Id,
        Tag = record.Tag,
        BrokerOrderId = record.BrokerOrderId,
        Instrument = StoredInstrument.Parse(record.InstrumentKey),
        TradingSymbol = record.TradingSymbol,
        Side = record.Side,
        Quantity = record.Quantity,
        Type = record.Type,
        Product = record.Product,
        LimitPrice = record.LimitPrice,
        TriggerPrice = record.TriggerPrice,
        AfterMarket = record.AfterMarket,
        Validity = record.Validity,
        Status = record.Status,
        Position = record.Position,
        Source = record.Source,
        RequestedBy = record.RequestedBy,
        Purpose = record.Purpose,
        StrategyId = record.StrategyId,
        GroupId = record.GroupId,
        ParentOrderId = record.ParentOrderId,
        IdempotencyKey = record.IdempotencyKey,
        FilledQuantity = record.FilledQuantity,
        AveragePrice = record.AveragePrice,
        Reason = record.Reason,
        PlacedAt = record.PlacedAt,
        UpdatedAt = record.UpdatedAt,
        LastStatusCheck = record.LastStatusCheck,
        FilledAt = record.FilledAt,
        FirstFailedAt = record.FirstFailedAt,
        LastRetryAt = record.LastRetryAt,
        RetryCount = record.RetryCount,
        QuantityAdjustedAt = record.QuantityAdjustedAt,
        ManualDetectedAt = record.ManualDetectedAt,
        ClosedAt = record.ClosedAt,
    };

    public static OrderEventRecord ToRecord(OrderEvent orderEvent) => new()
    {
        OrderId = orderEvent.OrderId,
        Time = orderEvent.Time,
        Kind = orderEvent.Kind,
        From = orderEvent.From,
        To = orderEvent.To,
        Detail = orderEvent.Detail,
        Actor = orderEvent.Actor,
    };

    public static OrderEvent ToEvent(OrderEventRecord record) =>
        new(record.OrderId, record.Time, record.Kind, record.From, record.To, record.Detail, record.Actor);

    public static FillRecord ToRecord(Fill fill) => new()
    {
        TradeId = fill.TradeId,
        OrderId = fill.OrderId,
        BrokerOrderId = fill.BrokerOrderId,
        InstrumentKey = fill.Instrument.ToString(),
        TradingSymbol = fill.TradingSymbol,
        Side = fill.Side,
        Product = fill.Product,
        Quantity = fill.Quantity,
        Price = fill.Price,
        Time = fill.Time,
        StrategyId = fill.StrategyId,
    };

    public static Fill ToFill(FillRecord record) => new(
        record.TradeId,
        record.OrderId,
        record.BrokerOrderId,
        StoredInstrument.Parse(record.InstrumentKey),
        record.TradingSymbol,
        record.Side,
        record.Product,
        record.Quantity,
        record.Price,
        record.Time,
        record.StrategyId);
}
