using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class JournalNoteRecordConfiguration : IEntityTypeConfiguration<JournalNoteRecord>
{
    public void Configure(EntityTypeBuilder<JournalNoteRecord> note)
    {
        note.ToTable("journal_notes");
        note.HasKey(n => n.RoundTripId);
        note.Property(n => n.RoundTripId).HasMaxLength(128);
        note.Property(n => n.Author).HasMaxLength(64);
    }
}
