using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// Delivers the outbox to Telegram as a queue, oldest first. A failure that may pass (unreachable,
/// timeout, 5xx, 429) leaves the delivery pending with its attempt counted and its next try pushed
/// back (exponential backoff, or Telegram's retry_after), and the messages behind it wait in order
/// instead of hammering an outage; a refusal (400, 403) is recorded as failed with
/// Telegram's reason. A delivery is marked sent right after Telegram answers, so a crash can at
/// worst send one message twice, never lose one.
/// </summary>
public sealed partial class TelegramDeliveryWorker(
    IDbContextFactory<KotakDbContext> contexts,
    TelegramSettingsStore settings,
    TelegramClient client,
    NotificationOutbox outbox,
    TelegramOptions options,
    TimeProvider clock,
    ILogger<TelegramDeliveryWorker> logger)
{
    private const int BatchSize = 50;

    // How long to sleep with nothing pending and no wake-up: a safety net for a queued row whose wake-up was missed.
    private static readonly TimeSpan IdleWait = TimeSpan.FromMinutes(1);

    /// <summary>Every pass's result (screens and tests follow deliveries through it).</summary>
    public Core.Messaging.EventStream<DeliveryPass> Passes { get; } = new();

    /// <summary>Delivers until cancelled: a pass, then a wait until the next delivery is due or a new one is queued.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DeliveryPass pass;
            try
            {
                pass = await DeliverDueAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database was busy or gone for a moment: the rows are still there, try again later.
                LogPassFailed(logger, ex);
                pass = new DeliveryPass(0, 0, 0, clock.GetUtcNow() + options.Backoff(1));
            }

            var wait = pass.NextDueAt is { } due ? due - clock.GetUtcNow() : IdleWait;
            if (wait <= TimeSpan.Zero)
            {
                continue;
            }

            try
            {
                await outbox.WaitForWorkAsync(cancellationToken).WaitAsync(wait, clock, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Due now.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One pass: sends the pending deliveries in the order they were queued, until the queue is empty
    /// or its head is not due yet (it waits out a backoff, and everything behind it waits too).
    /// </summary>
    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, deferred = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var queue = await Pending(db).Take(BatchSize).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (queue.Count > 0 && queue[0].NextAttemptAt <= now)
        {
            var telegram = await settings.LoadAsync(cancellationToken);
            var ids = queue.Select(d => d.NotificationId).ToList();
            var notifications = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
            foreach (var delivery in queue)
            {
                if (delivery.NextAttemptAt > clock.GetUtcNow())
                {
                    break;
                }

                if (telegram is null)
                {
                    Fail(delivery, "Telegram is not set up (no bot token and chat id saved).");
                    failed++;
                    await db.SaveChangesAsync(cancellationToken);
                    continue;
                }

                var text = TelegramMarkdown.Format(NotificationInbox.ToNotification(notifications[delivery.NotificationId]));
                var result = await client.SendMessageAsync(telegram.BotToken, telegram.ChatId, text, cancellationToken);
                delivery.Attempts++;
                var answeredAt = clock.GetUtcNow();
                switch (result.Outcome)
                {
                    case TelegramSendOutcome.Sent:
                        delivery.Status = DeliveryStatus.Sent;
                        delivery.SentAt = answeredAt;
                        delivery.LastError = null;
                        sent++;
                        break;
                    case TelegramSendOutcome.Refused:
                        Fail(delivery, result.Error ?? "Refused by Telegram.");
                        failed++;
                        break;
                    default:
                        var wait = result.RetryAfter ?? options.Backoff(delivery.Attempts);
                        delivery.NextAttemptAt = answeredAt + wait;
                        delivery.LastError = result.Error;
                        LogDeferred(logger, delivery.Id, delivery.Attempts, wait, result.Error ?? "?");
                        deferred++;
                        break;
                }

                // Stored at once: what Telegram took is never sent again after a crash.
                await db.SaveChangesAsync(cancellationToken);
                if (result.Outcome == TelegramSendOutcome.RetryLater)
                {
                    break;
                }
            }
        }

        var head = await Pending(db).AsNoTracking().Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var pass = new DeliveryPass(sent, failed, deferred, head);
        if (sent + failed + deferred > 0)
        {
            LogPass(logger, sent, failed, deferred);
        }

        Passes.Publish(pass);
        return pass;
    }

    // The queue, head first: a delivery waiting out its backoff holds back the ones queued after it.
    private static IQueryable<NotificationDeliveryRecord> Pending(KotakDbContext db) =>
        db.NotificationDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.Channel == NotificationOutbox.TelegramChannel)
            .OrderBy(d => d.Id);

    private void Fail(NotificationDeliveryRecord delivery, string reason)
    {
        delivery.Status = DeliveryStatus.Failed;
        delivery.LastError = reason;
        LogFailed(logger, delivery.Id, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram deliveries: {Sent} sent, {Failed} failed, {Deferred} deferred")]
    private static partial void LogPass(ILogger logger, int sent, int failed, int deferred);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram delivery {DeliveryId} not sent (attempt {Attempt}); retrying in {Wait}: {Error}")]
    private static partial void LogDeferred(ILogger logger, long deliveryId, int attempt, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram delivery {DeliveryId} failed for good: {Reason}")]
    private static partial void LogFailed(ILogger logger, long deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Telegram delivery pass failed; the outbox is kept and tried again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
