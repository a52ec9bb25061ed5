using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>Between the placement the desk works with and its rows.</summary>
internal static class PlacementMapping
{
    public static PlacementRecord ToRecord(Placement placement)
    {
        var record = new PlacementRecord
        {
            Id = placement.Id,
            StrategyName = placement.StrategyName,
            Underlying = placement.Underlying,
            CreatedBy = placement.CreatedBy,
            CreatedAt = placement.CreatedAt,
            Legs = [.. placement.Legs.Select(l => ToRecord(placement.Id, l))],
            Orders = [.. placement.Orders.Select((o, i) => ToRecord(placement.Id, i, o))],
        };
        CopyState(placement, record);
        record.ParentId = placement.ParentId;
        record.Kind = placement.Kind;
        record.StrategyId = placement.StrategyId;
        record.Expiry = placement.Expiry;
        record.Product = placement.Product;
        record.MaxLotsPerBatch = placement.MaxLotsPerBatch;
        return record;
    }

    /// <summary>What changes on a placement after it is created: status, reasons, closing time.</summary>
    public static void CopyState(Placement placement, PlacementRecord record)
    {
        record.Status = placement.Status;
        record.UpdatedAt = placement.UpdatedAt;
        record.StopReason = placement.StopReason;
        record.HedgeAlert = placement.HedgeAlert;
        record.ClosedAt = placement.ClosedAt;
    }

    public static PlacementOrderRecord ToRecord(Guid placementId, int sequence, PlacementOrder order)
    {
        var record = new PlacementOrderRecord { PlacementId = placementId, IdempotencyKey = order.IdempotencyKey };
        CopyOrder(sequence, order, record);
        return record;
    }

    public static void CopyOrder(int sequence, PlacementOrder order, PlacementOrderRecord record)
    {
        record.Sequence = sequence;
        record.Phase = order.Phase;
        record.Round = order.Round;
        record.Batch = order.Batch;
        record.LegIndex = order.LegIndex;
        record.Slice = order.Slice;
        record.Side = order.Side;
        record.Quantity = order.Quantity;
        record.OrderId = order.OrderId;
        record.Tag = order.Tag;
        record.BrokerOrderId = order.BrokerOrderId;
        record.Status = order.Status;
        record.FilledQuantity = order.FilledQuantity;
        record.AveragePrice = order.AveragePrice;
        record.Reason = order.Reason;
    }

    public static Placement ToPlacement(PlacementRecord record) => new()
    {
        Id = record.Id,
        ParentId = record.ParentId,
        Kind = record.Kind,
        StrategyName = record.StrategyName,
        StrategyId = record.StrategyId,
        Underlying = record.Underlying,
        Expiry = record.Expiry,
        Product = record.Product,
        CreatedBy = record.CreatedBy,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
        Status = record.Status,
        MaxLotsPerBatch = record.MaxLotsPerBatch,
        StopReason = record.StopReason,
        HedgeAlert = record.HedgeAlert,
        ClosedAt = record.ClosedAt,
        Legs = [.. record.Legs.OrderBy(l => l.LegIndex).Select(ToLeg)],
        Orders = [.. record.Orders.OrderBy(o => o.Sequence).Select(ToOrder)],
    };

    private static PlacementLegRecord ToRecord(Guid placementId, PlacementLeg leg) => new()
    {
        PlacementId = placementId,
        LegIndex = leg.Index,
        InstrumentKey = leg.Instrument.ToString(),
        TradingSymbol = leg.TradingSymbol,
        Side = leg.Side,
        Quantity = leg.Quantity,
        LotSize = leg.LotSize,
        FreezeQuantity = leg.FreezeQuantity,
        OrderType = leg.OrderType,
        LimitPrice = leg.LimitPrice,
        Purpose = leg.Purpose,
        OptionType = leg.OptionType,
        Strike = leg.Strike,
    };

    private static PlacementLeg ToLeg(PlacementLegRecord record) => new(
        record.LegIndex,
        InstrumentId.TryParse(record.InstrumentKey, out var id) ? id : throw new InvalidDataException($"Placement {record.PlacementId} leg {record.LegIndex}: bad instrument key '{record.InstrumentKey}'."),
        record.TradingSymbol,
        record.Side,
        record.Quantity,
        record.LotSize,
        record.FreezeQuantity,
        record.OrderType,
        record.LimitPrice,
        record.Purpose,
        record.OptionType,
        record.Strike);

    private static PlacementOrder ToOrder(PlacementOrderRecord record) =>
        new(record.Phase, record.Round, record.Batch, record.LegIndex, record.Slice, record.Side, record.Quantity, record.IdempotencyKey)
        {
            OrderId = record.OrderId,
            Tag = record.Tag,
            BrokerOrderId = record.BrokerOrderId,
            Status = record.Status,
            FilledQuantity = record.FilledQuantity,
            AveragePrice = record.AveragePrice,
            Reason = record.Reason,
        };
}
