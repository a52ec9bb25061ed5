namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>A notification in one user's in-app centre, read or not.</summary>
public sealed class NotificationInboxRecord
{
    public long Id { get; set; }

    public long NotificationId { get; set; }

    public string UserName { get; set; } = "";

    public DateTimeOffset? ReadAt { get; set; }
}
