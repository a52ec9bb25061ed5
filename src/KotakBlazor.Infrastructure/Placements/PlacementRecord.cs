using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>A stored placement (table <c>placements</c>); its legs and order links are child rows.</summary>
public sealed class PlacementRecord
{
    public Guid Id { get; set; }

    public Guid? ParentId { get; set; }

    public PlacementKind Kind { get; set; }

    public required string StrategyName { get; set; }

    public Guid? StrategyId { get; set; }

    public required string Underlying { get; set; }

    public DateOnly? Expiry { get; set; }

    public ProductType Product { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public PlacementStatus Status { get; set; }

    public int MaxLotsPerBatch { get; set; }

    public string? StopReason { get; set; }

    public string? HedgeAlert { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<PlacementLegRecord> Legs { get; set; } = [];

    public List<PlacementOrderRecord> Orders { get; set; } = [];
}
