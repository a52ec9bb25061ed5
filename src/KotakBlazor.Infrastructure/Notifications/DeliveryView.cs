namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>An outbox delivery as the screens show it.</summary>
/// <param name="Id">The delivery.</param>
/// <param name="NotificationId">Its notification.</param>
/// <param name="Title">The notification's title.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Status">Pending, sent or failed.</param>
/// <param name="Attempts">Sends tried.</param>
/// <param name="NextAttemptAt">When a pending one is tried next.</param>
/// <param name="LastError">The latest failure, in the channel's words.</param>
/// <param name="SentAt">When it was delivered.</param>
/// <param name="CreatedAt">When it was queued.</param>
public sealed record DeliveryView(
    long Id,
    long NotificationId,
    string Title,
    string Channel,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt);
