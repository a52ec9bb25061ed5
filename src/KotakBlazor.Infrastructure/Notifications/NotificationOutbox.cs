using System.Threading.Channels;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// The app's notifier: a notification is stored in one transaction with its recipients' in-app
/// entries and, when Telegram is set up and any recipient chose Telegram for its kind, an outbox
/// delivery. Delivery happens later, in <see cref="TelegramDeliveryWorker"/>: the caller never
/// waits for Telegram, and an outage or a restart delays a message but cannot lose it.
/// </summary>
/// <remarks>
/// Recipients: a notification about one user (an order's owner) goes to that user; one about no
/// user goes to every enabled user. Telegram has one chat (set by an admin), so a notification is
/// queued for it once, however many recipients chose Telegram.
/// </remarks>
public sealed class NotificationOutbox(IDbContextFactory<KotakDbContext> contexts, TimeProvider clock) : INotifier
{
    /// <summary>The channel name stored with Telegram deliveries.</summary>
    public const string TelegramChannel = "Telegram";

    private readonly Channel<bool> _work = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Every stored notification, for live toasts and bells.</summary>
    public EventStream<PostedNotification> Posted { get; } = new();

    /// <inheritdoc />
    public async ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var posted = await StoreAsync(notification, cancellationToken);
        Posted.Publish(posted);
        if (posted.QueuedForTelegram)
        {
            _work.Writer.TryWrite(true);
        }
    }

    /// <summary>Completes when a delivery was queued since the last call (the worker's wake-up), or when cancelled.</summary>
    public async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        await _work.Reader.ReadAsync(cancellationToken);
    }

    private async Task<PostedNotification> StoreAsync(Notification notification, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).Select(u => u.UserName).ToListAsync(cancellationToken);
        var recipients = notification.UserName is { } owner && users.Contains(owner, StringComparer.OrdinalIgnoreCase)
            ? [users.First(u => string.Equals(u, owner, StringComparison.OrdinalIgnoreCase))]
            : users;
        var choices = await NotificationPreferenceStore.ForKindAsync(db, recipients, notification.Kind, cancellationToken);
        var inApp = recipients.Where(u => choices[u].InApp).ToList();
        var telegram = recipients.Any(u => choices[u].Telegram)
            && await db.TelegramSettings.AsNoTracking().AnyAsync(s => s.Id == TelegramSettingsStore.RowId && s.Enabled, cancellationToken);

        var now = clock.GetUtcNow();
        var record = new NotificationRecord
        {
            Kind = notification.Kind,
            Severity = notification.Severity,
            Title = notification.Title,
            Body = notification.Body,
            At = notification.At,
            UserName = notification.UserName,
            CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Notifications.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        db.NotificationInbox.AddRange(inApp.Select(user => new NotificationInboxRecord { NotificationId = record.Id, UserName = user }));
        if (telegram)
        {
            db.NotificationDeliveries.Add(new NotificationDeliveryRecord
            {
                NotificationId = record.Id,
                Channel = TelegramChannel,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PostedNotification(record.Id, notification, inApp, telegram);
    }
}
