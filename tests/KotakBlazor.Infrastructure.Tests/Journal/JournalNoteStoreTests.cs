using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Journal;
using KotakBlazor.Infrastructure.Tests.Persistence;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Tests.Journal;

public sealed class JournalNoteStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_note_is_stored_per_round_trip_and_a_second_note_replaces_the_first()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var clock = new ManualClock(At);
        var store = new JournalNoteStore(db.ContextFactory, clock);
        await store.SaveNoteAsync("rt-1", "Entered early, before the 09:20 gate.", "trader1", None);
        await store.SaveNoteAsync("rt-2", "Textbook.", "trader1", None);
        clock.Advance(TimeSpan.FromMinutes(30));

        await store.SaveNoteAsync("rt-1", "Entered early; the stop saved the day.", "trader2", None);

        var notes = await new JournalNoteStore(ReopenedDatabase.Of(db.Options), clock).LoadNotesAsync(None);
        Assert.Equal(new Dictionary<string, string> { ["rt-1"] = "Entered early; the stop saved the day.", ["rt-2"] = "Textbook." }, notes);
        await using var context = await db.ContextFactory.CreateDbContextAsync();
        var row = await context.JournalNotes.SingleAsync(n => n.RoundTripId == "rt-1");
        Assert.Equal(("trader2", At.AddMinutes(30)), (row.Author, row.UpdatedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_note_removes_the_one_stored(string empty)
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new JournalNoteStore(db.ContextFactory, new ManualClock(At));
        await store.SaveNoteAsync("rt-1", "Chased the breakout.", "trader1", None);
        await store.SaveNoteAsync("rt-2", "Kept.", "trader1", None);

        await store.SaveNoteAsync("rt-1", empty, "trader1", None);
        await store.SaveNoteAsync("rt-never-noted", empty, "trader1", None);

        Assert.Equal(new Dictionary<string, string> { ["rt-2"] = "Kept." }, await store.LoadNotesAsync(None));
    }
}
