namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>The Telegram settings as a screen may show them: the secrets masked.</summary>
/// <param name="BotToken">The token's last characters behind a mask.</param>
/// <param name="ChatId">The chat id's last characters behind a mask.</param>
/// <param name="Enabled">Whether new notifications are queued for Telegram.</param>
/// <param name="SavedAt">When an admin saved them.</param>
/// <param name="SavedBy">Who.</param>
public sealed record MaskedTelegramSettings(string BotToken, string ChatId, bool Enabled, DateTimeOffset SavedAt, string SavedBy);
