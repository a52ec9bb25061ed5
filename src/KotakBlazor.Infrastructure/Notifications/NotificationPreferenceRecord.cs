using KotakBlazor.Core.Notifications;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>One user's choice for one kind of notification; a kind without a row takes the default.</summary>
public sealed class NotificationPreferenceRecord
{
    public string UserName { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public bool InApp { get; set; }

    public bool Telegram { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
