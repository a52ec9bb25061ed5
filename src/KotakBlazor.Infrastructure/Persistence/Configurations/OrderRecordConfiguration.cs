using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class OrderRecordConfiguration : IEntityTypeConfiguration<OrderRecord>
{
    public void Configure(EntityTypeBuilder<OrderRecord> order)
    {
        order.ToTable("orders");
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Tag).HasMaxLength(64);
        order.Property(o => o.BrokerOrderId).HasMaxLength(64);
        order.Property(o => o.InstrumentKey).HasMaxLength(32);
        order.Property(o => o.TradingSymbol).HasMaxLength(64);
        order.Property(o => o.RequestedBy).HasMaxLength(64);
        order.Property(o => o.IdempotencyKey).HasMaxLength(128);

        // The tag is how a crashed intent is found at the broker: two orders must never share one.
        order.HasIndex(o => o.Tag).IsUnique();
        // SQLite lets NULLs repeat in a unique index anyway; the filter says so and keeps the index small.
        order.HasIndex(o => o.IdempotencyKey).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
        order.HasIndex(o => o.Status);
        order.HasIndex(o => o.BrokerOrderId);
        order.HasIndex(o => o.PlacedAt);
        order.HasIndex(o => o.GroupId);
        order.HasIndex(o => o.StrategyId);
    }
}
