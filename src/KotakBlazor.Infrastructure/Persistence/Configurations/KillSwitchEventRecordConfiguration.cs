using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class KillSwitchEventRecordConfiguration : IEntityTypeConfiguration<KillSwitchEventRecord>
{
    public void Configure(EntityTypeBuilder<KillSwitchEventRecord> change)
    {
        change.ToTable("kill_switch_events");
        change.Property(c => c.Actor).HasMaxLength(64);
        change.HasIndex(c => c.Time);
    }
}
