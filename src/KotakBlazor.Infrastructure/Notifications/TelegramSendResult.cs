namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>The answer to one sendMessage.</summary>
/// <param name="Outcome">Sent, retry later, or refused.</param>
/// <param name="Error">Telegram's description or the network error (secret-free); null when sent.</param>
/// <param name="RetryAfter">How long Telegram asked us to wait (429's retry_after), when it said.</param>
public sealed record TelegramSendResult(TelegramSendOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Delivered.</summary>
    public static TelegramSendResult Sent { get; } = new(TelegramSendOutcome.Sent);
}
