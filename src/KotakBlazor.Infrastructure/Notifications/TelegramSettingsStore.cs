using System.Security.Cryptography;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// Keeps the Telegram bot token and chat id in SQLite, encrypted with ASP.NET Core Data Protection,
/// one protector purpose per field (as the broker credentials are). Nothing secret is logged or
/// audited: only masked tails.
/// </summary>
public sealed partial class TelegramSettingsStore(
    IDbContextFactory<KotakDbContext> contexts,
    IDataProtectionProvider protection,
    TimeProvider clock,
    ILogger<TelegramSettingsStore> logger,
    AuditLog? audit = null)
{
    /// <summary>The one row's key.</summary>
    public const int RowId = 1;

    private const string Purpose = "KotakBlazor.Notifications.Telegram.v1";

    /// <summary>
    /// Saves the settings. A null or blank <paramref name="botToken"/> keeps the stored token (the form
    /// never shows it, so an admin changing the chat does not have to paste it again).
    /// </summary>
    /// <exception cref="ArgumentException">The settings have problems, or no token is stored to keep; the message says which.</exception>
    public async Task SaveAsync(string? botToken, string chatId, bool enabled, string savedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.TelegramSettings.FindAsync([RowId], cancellationToken);
        var token = string.IsNullOrWhiteSpace(botToken) ? StoredToken(row) : botToken.Trim();
        var settings = new TelegramSettings(token, chatId.Trim(), enabled);
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(botToken));
        }

        if (row is null)
        {
            row = new TelegramSettingsRecord { Id = RowId };
            db.TelegramSettings.Add(row);
        }

        row.BotToken = Protect(nameof(row.BotToken), settings.BotToken);
        row.ChatId = Protect(nameof(row.ChatId), settings.ChatId);
        row.Enabled = enabled;
        row.SavedAt = clock.GetUtcNow();
        row.SavedBy = savedBy.Length <= 64 ? savedBy : savedBy[..64];
        await db.SaveChangesAsync(cancellationToken);
        LogSaved(logger, savedBy, SecretMask.Mask(settings.BotToken), enabled);
        if (audit is not null)
        {
            await audit.WriteAsync(savedBy, "notifications.telegram.saved",
                $"Bot {SecretMask.Mask(settings.BotToken)}, chat {SecretMask.Mask(settings.ChatId, 3)}, {(enabled ? "enabled" : "disabled")}", null, cancellationToken);
        }
    }

    /// <summary>The settings, decrypted, or null when none are saved or they cannot be decrypted any more (the keys changed).</summary>
    public async Task<TelegramSettings?> LoadAsync(CancellationToken cancellationToken)
    {
        var row = await FindAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        try
        {
            return new TelegramSettings(Unprotect(nameof(row.BotToken), row.BotToken), Unprotect(nameof(row.ChatId), row.ChatId), row.Enabled);
        }
        catch (CryptographicException)
        {
            LogUnreadable(logger);
            return null;
        }
    }

    /// <summary>The settings masked for a screen, or null when none are saved.</summary>
    public async Task<MaskedTelegramSettings?> LoadMaskedAsync(CancellationToken cancellationToken)
    {
        var row = await FindAsync(cancellationToken);
        var settings = await LoadAsync(cancellationToken);
        return row is null
            ? null
            : new MaskedTelegramSettings(
                settings is null ? "(unreadable: save it again)" : SecretMask.Mask(settings.BotToken),
                settings is null ? "(unreadable)" : SecretMask.Mask(settings.ChatId, 3),
                row.Enabled, row.SavedAt, row.SavedBy);
    }

    /// <summary>Forgets the settings; what is queued for Telegram is then recorded as failed by the worker.</summary>
    public async Task ClearAsync(string clearedBy, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.TelegramSettings.Where(s => s.Id == RowId).ExecuteDeleteAsync(cancellationToken);
        }

        LogCleared(logger, clearedBy);
        if (audit is not null)
        {
            await audit.WriteAsync(clearedBy, "notifications.telegram.cleared", null, null, cancellationToken);
        }
    }

    private string StoredToken(TelegramSettingsRecord? row)
    {
        if (row is null)
        {
            throw new ArgumentException("Enter the bot token.", "botToken");
        }

        try
        {
            return Unprotect(nameof(row.BotToken), row.BotToken);
        }
        catch (CryptographicException)
        {
            throw new ArgumentException("The stored bot token cannot be read any more (the encryption keys changed): enter it again.", "botToken");
        }
    }

    private async Task<TelegramSettingsRecord?> FindAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TelegramSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RowId, cancellationToken);
    }

    private string Protect(string field, string value) => protection.CreateProtector(Purpose, field).Protect(value);

    private string Unprotect(string field, string payload) => protection.CreateProtector(Purpose, field).Unprotect(payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram settings saved by {User}: bot {Token}, enabled {Enabled}")]
    private static partial void LogSaved(ILogger logger, string user, string token, bool enabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram settings cleared by {User}")]
    private static partial void LogCleared(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored Telegram settings cannot be decrypted (the data-protection keys changed or were lost); an admin must save them again")]
    private static partial void LogUnreadable(ILogger logger);
}
