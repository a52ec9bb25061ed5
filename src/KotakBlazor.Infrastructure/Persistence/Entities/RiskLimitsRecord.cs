namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>
/// The risk limits: one row. Stored as JSON so a limit added later reads its default from an
/// older row instead of needing a migration with a guessed value.
/// </summary>
public sealed class RiskLimitsRecord
{
    /// <summary>The only row's id.</summary>
    public const int SingleRowId = 1;

    public int Id { get; set; }

    public required string LimitsJson { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
