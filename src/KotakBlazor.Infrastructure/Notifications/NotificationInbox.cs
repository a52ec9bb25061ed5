using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>Reads each user's notification centre and the outbox's deliveries; marks notifications read.</summary>
public sealed class NotificationInbox(IDbContextFactory<KotakDbContext> contexts, TimeProvider clock)
{
    /// <summary>A user's latest notifications, newest first, with their Telegram delivery.</summary>
    public async Task<IReadOnlyList<InboxItem>> LoadAsync(string userName, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from entry in db.NotificationInbox.AsNoTracking()
            join notification in db.Notifications.AsNoTracking() on entry.NotificationId equals notification.Id
            where entry.UserName == userName
            orderby notification.Id descending
            select new { notification, entry.ReadAt })
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.notification.Id).ToList();
        var deliveries = await db.NotificationDeliveries.AsNoTracking().Where(d => ids.Contains(d.NotificationId)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new InboxItem(
            r.notification.Id,
            ToNotification(r.notification),
            r.ReadAt,
            deliveries.FirstOrDefault(d => d.NotificationId == r.notification.Id) is { } delivery ? ToView(delivery, r.notification.Title) : null))];
    }

    /// <summary>How many of a user's notifications are unread.</summary>
    public async Task<int> UnreadCountAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.NotificationInbox.CountAsync(i => i.UserName == userName && i.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one of a user's notifications read, or all of them when <paramref name="notificationId"/> is null. Returns how many changed.</summary>
    public async Task<int> MarkReadAsync(string userName, long? notificationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.NotificationInbox
            .Where(i => i.UserName == userName && i.ReadAt == null && (notificationId == null || i.NotificationId == notificationId))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReadAt, now), cancellationToken);
    }

    /// <summary>The outbox's latest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> LoadDeliveriesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from delivery in db.NotificationDeliveries.AsNoTracking()
            join notification in db.Notifications.AsNoTracking() on delivery.NotificationId equals notification.Id
            orderby delivery.Id descending
            select new { delivery, notification.Title })
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToView(r.delivery, r.Title))];
    }

    internal static Notification ToNotification(NotificationRecord row) =>
        new(row.Kind, row.Severity, row.Title, row.Body, row.At, row.UserName);

    private static DeliveryView ToView(NotificationDeliveryRecord row, string title) =>
        new(row.Id, row.NotificationId, title, row.Channel, row.Status, row.Attempts, row.NextAttemptAt, row.LastError, row.SentAt, row.CreatedAt);
}
