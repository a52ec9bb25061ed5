using KotakBlazor.Core.Notifications;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>One notification as published: the in-app centre's rows and the outbox's deliveries point at it.</summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }

    public NotificationKind Kind { get; set; }

    public NotificationSeverity Severity { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The user it concerns, or null for everyone who chose its kind.</summary>
    public string? UserName { get; set; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
