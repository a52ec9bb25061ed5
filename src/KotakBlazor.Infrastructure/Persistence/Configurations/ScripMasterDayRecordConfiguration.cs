using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class ScripMasterDayRecordConfiguration : IEntityTypeConfiguration<ScripMasterDayRecord>
{
    public void Configure(EntityTypeBuilder<ScripMasterDayRecord> day)
    {
        day.ToTable("scrip_master_days");
        day.HasKey(d => d.Day);
    }
}
