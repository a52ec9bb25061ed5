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

internal sealed class DayStatisticsRecordConfiguration : IEntityTypeConfiguration<DayStatisticsRecord>
{
    public void Configure(EntityTypeBuilder<DayStatisticsRecord> day)
    {
        day.ToTable("day_statistics");
        day.HasKey(d => d.TradingDay);
    }
}

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
