using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Operations;

internal sealed class DayStatisticsRecordConfiguration : IEntityTypeConfiguration<DayStatisticsRecord>
{
    public void Configure(EntityTypeBuilder<DayStatisticsRecord> day)
    {
        day.ToTable("day_statistics");
        day.HasKey(d => d.TradingDay);
    }
}
