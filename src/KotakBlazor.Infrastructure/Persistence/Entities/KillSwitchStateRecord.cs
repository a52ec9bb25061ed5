namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>The kill switch as it stands: one row, read at start-up so a trip survives a restart.</summary>
public sealed class KillSwitchStateRecord
{
    /// <summary>The only row's id.</summary>
    public const int SingleRowId = 1;

    public int Id { get; set; }

    public bool IsTripped { get; set; }

    public string? Reason { get; set; }

    public string? ChangedBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>True when the daily-loss limit tripped it rather than a person.</summary>
    public bool Automatic { get; set; }
}
