using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>One entry in an order's history. Append-only: rows are never updated or deleted.</summary>
public sealed class OrderEventRecord
{
    /// <summary>Increasing with every append, so events of the same instant keep their order.</summary>
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    public DateTimeOffset Time { get; set; }

    public OrderEventKind Kind { get; set; }

    public OrderStatus? From { get; set; }

    public OrderStatus? To { get; set; }

    public required string Detail { get; set; }

    /// <summary>A user name, <c>strategy:&lt;name&gt;</c>, <c>broker</c>, <c>reconciliation</c> or <c>system</c>.</summary>
    public required string Actor { get; set; }
}
