using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class RiskLimitsRecordConfiguration : IEntityTypeConfiguration<RiskLimitsRecord>
{
    public void Configure(EntityTypeBuilder<RiskLimitsRecord> limits)
    {
        limits.ToTable("risk_limits");
        limits.Property(l => l.Id).ValueGeneratedNever();
        limits.Property(l => l.ChangedBy).HasMaxLength(64);
    }
}
