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

/// <summary>The answer to one sendMessage.</summary>
/// <param name="Outcome">Sent, retry later, or refused.</param>
/// <param name="Error">Telegram's description or the network error (secret-free); null when sent.</param>
/// <param name="RetryAfter">How long Telegram asked us to wait (429's retry_after), when it said.</param>
public sealed record TelegramSendResult(TelegramSendOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Delivered.</summary>
    public static TelegramSendResult Sent { get; } = new(TelegramSendOutcome.Sent);
}
