using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class OrderEventRecordConfiguration : IEntityTypeConfiguration<OrderEventRecord>
{
    public void Configure(EntityTypeBuilder<OrderEventRecord> orderEvent)
    {
        orderEvent.ToTable("order_events");
        orderEvent.Property(e => e.Actor).HasMaxLength(64);
        // Restrict: an order with a history cannot be deleted out from under it.
        orderEvent.HasOne<OrderRecord>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
