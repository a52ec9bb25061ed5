using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>
/// Marks an order as archived: final, its position no longer held, untouched for longer than the
/// retention. The order's own rows (the order, its append-only history, its fills) stay where they
/// are; this mark takes it out of the working set.
/// </summary>
public sealed class ArchivedOrderRecord
{
    public Guid OrderId { get; set; }

    /// <summary>Its final status when archived.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset CompletedAt { get; set; }

    public DateTimeOffset ArchivedAt { get; set; }

    /// <summary>The end-of-day run that archived it.</summary>
    public Guid RunId { get; set; }
}
