namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>An append-only record of something a person or the system did.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who: a user name, <c>api:&lt;key name&gt;</c>, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What, as a stable dotted name (e.g. <c>auth.sign-in.failed</c>).</summary>
    public required string Action { get; set; }

    /// <summary>Details for people. Never a secret.</summary>
    public string? Details { get; set; }

    public string? RemoteAddress { get; set; }
}
