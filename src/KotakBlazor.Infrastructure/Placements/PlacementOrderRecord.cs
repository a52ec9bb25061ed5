using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>
/// One order of a stored placement (table <c>placement_orders</c>): planned with its idempotency
/// key, then linked to the order desk's order (id, tag, broker number) once sent.
/// </summary>
public sealed class PlacementOrderRecord
{
    public Guid PlacementId { get; set; }

    /// <summary>The order's place in the placement's list (plan order, then unwinds).</summary>
    public int Sequence { get; set; }

    public PlacementPhase Phase { get; set; }

    public int Round { get; set; }

    public int Batch { get; set; }

    public int LegIndex { get; set; }

    public int Slice { get; set; }

    public OrderSide Side { get; set; }

    public int Quantity { get; set; }

    public required string IdempotencyKey { get; set; }

    public Guid? OrderId { get; set; }

    public string? Tag { get; set; }

    public string? BrokerOrderId { get; set; }

    public OrderStatus? Status { get; set; }

    public int FilledQuantity { get; set; }

    public decimal? AveragePrice { get; set; }

    public string? Reason { get; set; }
}
