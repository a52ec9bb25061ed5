namespace KotakBlazor.Core.Journal;

/// <summary>The trader's notes on round trips, keyed by the round trip's id (its entry order or first trade).</summary>
public interface IJournalNoteStore
{
    /// <summary>Stores or replaces a note (an empty note removes it).</summary>
    Task SaveNoteAsync(string roundTripId, string note, string author, CancellationToken cancellationToken);

    /// <summary>Every note by round-trip id.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadNotesAsync(CancellationToken cancellationToken);
}
