using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// One broker order of a placement: planned first (with its idempotency key), then linked to the
/// order desk's order once sent. The key is derived from the placement, batch, leg and slice, so a
/// second attempt to send it (a double click, a second tab, a resume after a restart) finds the
/// first order instead of placing another.
/// </summary>
/// <param name="Phase">Planned, or an unwind.</param>
/// <param name="Round">0 for the plan; 1, 2... for successive unwinds.</param>
/// <param name="Batch">The batch, from 1.</param>
/// <param name="LegIndex">The leg it trades.</param>
/// <param name="Slice">Its slice within the leg's share of the batch.</param>
/// <param name="Side">Buy or sell (an unwind is the leg's opposite).</param>
/// <param name="Quantity">Units.</param>
/// <param name="IdempotencyKey">The key the order is sent with.</param>
public sealed record PlacementOrder(
    PlacementPhase Phase,
    int Round,
    int Batch,
    int LegIndex,
    int Slice,
    OrderSide Side,
    int Quantity,
    string IdempotencyKey)
{
    /// <summary>The order desk's order, once sent.</summary>
    public Guid? OrderId { get; init; }

    /// <summary>The client tag sent to the broker.</summary>
    public string? Tag { get; init; }

    /// <summary>The broker's order number, once acknowledged.</summary>
    public string? BrokerOrderId { get; init; }

    /// <summary>The order's status when last recorded; null while not sent.</summary>
    public OrderStatus? Status { get; init; }

    /// <summary>Units filled when last recorded.</summary>
    public int FilledQuantity { get; init; }

    /// <summary>The average fill price when last recorded.</summary>
    public decimal? AveragePrice { get; init; }

    /// <summary>Why it was refused, rejected or failed.</summary>
    public string? Reason { get; init; }

    /// <summary>True once the order desk has it.</summary>
    public bool IsSent => OrderId is not null;

    /// <summary>True when it filled completely.</summary>
    public bool IsFilled => Status == OrderStatus.Filled;

    /// <summary>The link updated from the order desk's order.</summary>
    public PlacementOrder With(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return this with
        {
            OrderId = order.Id,
            Tag = order.Tag,
            BrokerOrderId = order.BrokerOrderId,
            Status = order.Status,
            FilledQuantity = order.FilledQuantity,
            AveragePrice = order.AveragePrice,
            Reason = order.Reason,
        };
    }
}
