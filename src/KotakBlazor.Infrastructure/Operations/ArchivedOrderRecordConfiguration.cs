using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Operations;

internal sealed class ArchivedOrderRecordConfiguration : IEntityTypeConfiguration<ArchivedOrderRecord>
{
    public void Configure(EntityTypeBuilder<ArchivedOrderRecord> archived)
    {
        archived.ToTable("archived_orders");
        archived.HasKey(a => a.OrderId);
        archived.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        // Restrict, like the order's history: an archived order cannot be deleted out from under its mark.
        archived.HasOne<OrderRecord>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
