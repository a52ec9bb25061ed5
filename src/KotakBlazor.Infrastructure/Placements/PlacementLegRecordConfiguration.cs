using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>The legs of a placement, keyed by placement and leg index.</summary>
internal sealed class PlacementLegRecordConfiguration : IEntityTypeConfiguration<PlacementLegRecord>
{
    public void Configure(EntityTypeBuilder<PlacementLegRecord> leg)
    {
        leg.ToTable("placement_legs");
        leg.HasKey(l => new { l.PlacementId, l.LegIndex });
        leg.Property(l => l.InstrumentKey).HasMaxLength(32);
        leg.Property(l => l.TradingSymbol).HasMaxLength(64);
        leg.Property(l => l.OptionType).HasConversion<string>().HasMaxLength(32);
    }
}
