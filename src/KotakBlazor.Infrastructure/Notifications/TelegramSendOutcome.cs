namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>What Telegram did with one message.</summary>
public enum TelegramSendOutcome
{
    /// <summary>Delivered to the chat.</summary>
    Sent,

    /// <summary>Not delivered, but trying again later may work (an outage, a timeout, a 5xx, a 429).</summary>
    RetryLater,

    /// <summary>Refused for good (a 400 or 403: bad chat, bad token, unparsable text); trying again would fail the same way.</summary>
    Refused,
}
