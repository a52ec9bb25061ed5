namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>A trader's note on one round trip.</summary>
public sealed class JournalNoteRecord
{
    /// <summary>The round trip's id (its entry order or first trade).</summary>
    public required string RoundTripId { get; set; }

    public required string Note { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
