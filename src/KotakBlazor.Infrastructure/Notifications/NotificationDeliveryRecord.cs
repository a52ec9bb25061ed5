namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// One outbox entry: a notification to deliver on one channel. Written in the same transaction as
/// the notification, so a crash or an outage can delay a delivery but never lose it.
/// </summary>
public sealed class NotificationDeliveryRecord
{
    public long Id { get; set; }

    public long NotificationId { get; set; }

    /// <summary>The channel (<c>Telegram</c>).</summary>
    public string Channel { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    /// <summary>Sends tried so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried before this (the backoff, or the channel's retry_after).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The latest failure, in the channel's words (never a secret).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
