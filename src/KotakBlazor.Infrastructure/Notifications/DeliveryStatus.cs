namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>Where an outbox delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting to be sent, or to be tried again after a failure that may pass (an outage, a rate limit).</summary>
    Pending,

    /// <summary>The channel took it.</summary>
    Sent,

    /// <summary>The channel refused it for good (a bad chat id, a malformed message); the reason is kept.</summary>
    Failed,
}
