using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class KillSwitchStateRecordConfiguration : IEntityTypeConfiguration<KillSwitchStateRecord>
{
    public void Configure(EntityTypeBuilder<KillSwitchStateRecord> state)
    {
        state.ToTable("kill_switch_state");
        state.Property(s => s.Id).ValueGeneratedNever();
        state.Property(s => s.ChangedBy).HasMaxLength(64);
    }
}
