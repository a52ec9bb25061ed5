using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// The Telegram bot, as an admin sets it up: save (token and chat encrypted), clear, send a test
/// message, and watch the outbox. Every change is checked for the admin role here, on the server.
/// </summary>
public sealed class TelegramSetup(
    TelegramSettingsStore store,
    TelegramClient client,
    NotificationInbox inbox,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The settings, masked; null when none are saved.</summary>
    public Task<MaskedTelegramSettings?> LoadMaskedAsync(CancellationToken cancellationToken) => store.LoadMaskedAsync(cancellationToken);

    /// <summary>Saves the bot token (blank: keep the stored one), chat id and switch.</summary>
    public async Task<TradingResult> SaveAsync(ActingUser user, string? botToken, string chatId, bool enabled, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, "save", cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            await store.SaveAsync(botToken, chatId ?? string.Empty, enabled, user.UserName, cancellationToken);
            return TradingResult.Done(enabled ? "Telegram settings saved: new notifications go to the chat." : "Telegram settings saved; sending is switched off.");
        }
        catch (ArgumentException e)
        {
            return TradingResult.Refused(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>Forgets the bot token and chat id.</summary>
    public async Task<TradingResult> ClearAsync(ActingUser user, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, "clear", cancellationToken) is { } refused)
        {
            return refused;
        }

        await store.ClearAsync(user.UserName, cancellationToken);
        return TradingResult.Done("Telegram settings removed.");
    }

    /// <summary>Sends a test message straight to the chat (not through the outbox) and says what Telegram answered.</summary>
    public async Task<TradingResult> SendTestAsync(ActingUser user, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, "test", cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await store.LoadAsync(cancellationToken) is not { } settings)
        {
            return TradingResult.Refused("Save a bot token and chat id first.");
        }

        var text = TelegramMarkdown.Format(new Notification(NotificationKind.System, NotificationSeverity.Info,
            "KotakBlazor test message", $"Sent by {user.UserName}. If you can read this (with its dots and dashes: 1.5 - 2.0!), notifications will arrive here.", clock.GetUtcNow()));
        var result = await client.SendMessageAsync(settings.BotToken, settings.ChatId, text, cancellationToken);
        return result.Outcome == TelegramSendOutcome.Sent
            ? TradingResult.Done("Telegram took the test message: check the chat.")
            : TradingResult.Refused($"Telegram did not take it ({(result.Outcome == TelegramSendOutcome.RetryLater ? "try again later" : "refused")}): {result.Error}");
    }

    /// <summary>The outbox's latest deliveries, for admins.</summary>
    public Task<IReadOnlyList<DeliveryView>> LoadDeliveriesAsync(ActingUser user, int limit, CancellationToken cancellationToken) =>
        user.Role == UserRoles.Admin ? inbox.LoadDeliveriesAsync(limit, cancellationToken) : Task.FromResult<IReadOnlyList<DeliveryView>>([]);

    private async Task<TradingResult?> RefuseAsync(ActingUser user, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Role == UserRoles.Admin)
        {
            return null;
        }

        await audit.WriteAsync(user.UserName, $"notifications.telegram.{action}-refused", "Only an admin may set up Telegram", null, cancellationToken);
        return TradingResult.Refused("Only an admin may set up Telegram.");
    }
}
