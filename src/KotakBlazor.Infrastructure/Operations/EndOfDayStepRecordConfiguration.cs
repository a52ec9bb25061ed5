using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Operations;

internal sealed class EndOfDayStepRecordConfiguration : IEntityTypeConfiguration<EndOfDayStepRecord>
{
    public void Configure(EntityTypeBuilder<EndOfDayStepRecord> step)
    {
        step.ToTable("end_of_day_steps");
        step.HasKey(s => new { s.RunId, s.Number });
        step.Property(s => s.Number).ValueGeneratedNever();
        step.Property(s => s.Name).HasMaxLength(128);
        step.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
    }
}
