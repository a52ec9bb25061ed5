using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Operations;

internal sealed class EndOfDayRunRecordConfiguration : IEntityTypeConfiguration<EndOfDayRunRecord>
{
    public void Configure(EntityTypeBuilder<EndOfDayRunRecord> run)
    {
        run.ToTable("end_of_day_runs");
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.StartedBy).HasMaxLength(64);
        run.Property(r => r.Outcome).HasMaxLength(16);
        run.HasIndex(r => r.StartedAt);
        run.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
