using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class ScripMasterInstrumentRecordConfiguration : IEntityTypeConfiguration<ScripMasterInstrumentRecord>
{
    public void Configure(EntityTypeBuilder<ScripMasterInstrumentRecord> instrument)
    {
        instrument.ToTable("scrip_master_instruments");
        instrument.HasKey(i => new { i.Day, i.InstrumentKey });
        instrument.Property(i => i.InstrumentKey).HasMaxLength(32);
        instrument.Property(i => i.TradingSymbol).HasMaxLength(64);
        instrument.Property(i => i.Name).HasMaxLength(64);
        instrument.Property(i => i.Description).HasMaxLength(128);
        instrument.Property(i => i.Underlying).HasMaxLength(64);

        // Names, as every enum in this database: a row reads plainly in a SQLite shell.
        instrument.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        instrument.Property(i => i.OptionType).HasConversion<string>().HasMaxLength(8);

        // A day's instruments go with their day: replacing the day removes them in the same statement.
        instrument.HasOne<ScripMasterDayRecord>().WithMany().HasForeignKey(i => i.Day).OnDelete(DeleteBehavior.Cascade);
    }
}
