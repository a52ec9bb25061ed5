namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>One trip or reset of the kill switch. Append-only.</summary>
public sealed class KillSwitchEventRecord
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>True for a trip, false for a reset.</summary>
    public bool Tripped { get; set; }

    public required string Reason { get; set; }

    public required string Actor { get; set; }

    public bool Automatic { get; set; }
}
