using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>The placements table: enums as their names (the order enums by the context's conventions), instants as UTC ticks, money as decimals.</summary>
internal sealed class PlacementRecordConfiguration : IEntityTypeConfiguration<PlacementRecord>
{
    public void Configure(EntityTypeBuilder<PlacementRecord> placement)
    {
        placement.ToTable("placements");
        placement.Property(p => p.Id).ValueGeneratedNever();
        placement.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        placement.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        placement.Property(p => p.StrategyName).HasMaxLength(128);
        placement.Property(p => p.Underlying).HasMaxLength(64);
        placement.Property(p => p.CreatedBy).HasMaxLength(64);
        placement.HasIndex(p => p.CreatedAt);
        placement.HasIndex(p => p.ParentId);
        placement.HasMany(p => p.Legs).WithOne().HasForeignKey(l => l.PlacementId).OnDelete(DeleteBehavior.Cascade);
        placement.HasMany(p => p.Orders).WithOne().HasForeignKey(o => o.PlacementId).OnDelete(DeleteBehavior.Cascade);
    }
}
