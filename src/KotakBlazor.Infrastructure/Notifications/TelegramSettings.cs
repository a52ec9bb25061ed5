namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>The Telegram bot and chat notifications go to.</summary>
/// <param name="BotToken">The bot's token from BotFather (<c>123456:ABC...</c>). Secret: never logged, never shown back in full.</param>
/// <param name="ChatId">The chat, group or channel (a number, or <c>@channel</c>).</param>
/// <param name="Enabled">Whether new notifications are queued for Telegram.</param>
public sealed record TelegramSettings(string BotToken, string ChatId, bool Enabled)
{
    /// <summary>What is wrong with the settings, for the form; empty when they look usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var token = BotToken.Trim();
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == token.Length - 1 || !token[..colon].All(char.IsAsciiDigit) || token.Any(char.IsWhiteSpace) || token.Length < 20)
        {
            problems.Add("The bot token should look like 123456789:AA… (the number, a colon, then the secret BotFather gave).");
        }

        var chat = ChatId.Trim();
        var numeric = chat.Length > 0 && long.TryParse(chat, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
        if (!numeric && !(chat.Length > 1 && chat[0] == '@' && chat[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            problems.Add("The chat id should be a number (e.g. -1001234567890) or a public channel's @name.");
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString() => $"TelegramSettings {{ BotToken = {Security.SecretMask.Mask(BotToken)}, ChatId = {Security.SecretMask.Mask(ChatId, 3)}, Enabled = {Enabled} }}";
}
