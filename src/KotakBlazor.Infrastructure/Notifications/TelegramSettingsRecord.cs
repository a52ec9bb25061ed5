namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// The Telegram bot an admin set up: one row. The token and the chat id are Data Protection
/// payloads (a purpose per field), never the values: a copied database file gives nothing away.
/// </summary>
public sealed class TelegramSettingsRecord
{
    /// <summary>Always <see cref="TelegramSettingsStore.RowId"/>.</summary>
    public int Id { get; set; }

    public string BotToken { get; set; } = "";

    public string ChatId { get; set; } = "";

    /// <summary>Off: nothing new is queued for Telegram (what is queued waits).</summary>
    public bool Enabled { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public string SavedBy { get; set; } = "";
}
