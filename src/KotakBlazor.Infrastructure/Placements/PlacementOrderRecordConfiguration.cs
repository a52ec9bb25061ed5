using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>The orders of a placement, keyed by idempotency key (unique across every placement, like the orders' own keys).</summary>
internal sealed class PlacementOrderRecordConfiguration : IEntityTypeConfiguration<PlacementOrderRecord>
{
    public void Configure(EntityTypeBuilder<PlacementOrderRecord> order)
    {
        order.ToTable("placement_orders");
        order.HasKey(o => o.IdempotencyKey);
        order.Property(o => o.IdempotencyKey).HasMaxLength(128);
        order.Property(o => o.Phase).HasConversion<string>().HasMaxLength(32);
        order.Property(o => o.Tag).HasMaxLength(64);
        order.Property(o => o.BrokerOrderId).HasMaxLength(64);
        order.HasIndex(o => new { o.PlacementId, o.Sequence });
        order.HasIndex(o => o.OrderId);
    }
}
