using KotakBlazor.Core.Notifications;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>A notification in a user's centre.</summary>
/// <param name="Id">The notification's id.</param>
/// <param name="Notification">What it says.</param>
/// <param name="ReadAt">When the user marked it read; null while unread.</param>
/// <param name="Telegram">Its Telegram delivery, when one was queued.</param>
public sealed record InboxItem(long Id, Notification Notification, DateTimeOffset? ReadAt, DeliveryView? Telegram)
{
    /// <summary>Not read yet.</summary>
    public bool IsUnread => ReadAt is null;
}
