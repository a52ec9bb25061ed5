using KotakBlazor.Core.Journal;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Journal;

/// <summary>The trader's notes on round trips in SQLite: one note per round trip, the latest wins.</summary>
public sealed class JournalNoteStore(IDbContextFactory<KotakDbContext> contextFactory, TimeProvider time) : IJournalNoteStore
{
    public async Task SaveNoteAsync(string roundTripId, string note, string author, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundTripId);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(note))
        {
            await db.JournalNotes.Where(n => n.RoundTripId == roundTripId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.JournalNotes.SingleOrDefaultAsync(n => n.RoundTripId == roundTripId, cancellationToken);
        if (record is null)
        {
            record = new JournalNoteRecord { RoundTripId = roundTripId, Note = note, Author = author };
            db.JournalNotes.Add(record);
        }

        record.Note = note;
        record.Author = author;
        record.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadNotesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.JournalNotes.AsNoTracking().ToDictionaryAsync(n => n.RoundTripId, n => n.Note, StringComparer.Ordinal, cancellationToken);
    }
}
