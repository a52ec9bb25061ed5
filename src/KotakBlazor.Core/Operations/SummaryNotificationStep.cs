using System.Globalization;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Step 5: the stored statistics are sent as the end-of-day notification. A summary already sent
/// with the same figures is not sent again; figures that changed since (a later run after more
/// trades) are sent as an update.
/// </summary>
public sealed class SummaryNotificationStep(IDayStatisticsStore store, INotifier notifier, TimeProvider clock) : IEndOfDayStep
{
    /// <inheritdoc />
    public int Number => 5;

    /// <inheritdoc />
    public string Name => "Summary sent as a notification";

    /// <inheritdoc />
    public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = await store.LoadAsync(context.TradingDay, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return EndOfDayStepOutcome.Failed($"No statistics are stored for {context.TradingDay:yyyy-MM-dd}: the statistics step did not complete, so there is nothing to send.");
        }

        var body = stored.Statistics.SummaryBody;
        if (stored.SentSummary == body)
        {
            var at = IndianMarketTime.ToIst(stored.SummarySentAt!.Value).ToString("HH:mm", CultureInfo.InvariantCulture);
            return EndOfDayStepOutcome.Skipped($"The same summary was sent at {at} IST already.");
        }

        var update = stored.SentSummary is not null;
        var now = clock.GetUtcNow();
        var title = (update ? "Updated: " : string.Empty) + stored.Statistics.SummaryTitle;
        var severity = stored.Statistics.NetPnl < 0 ? NotificationSeverity.Warning : NotificationSeverity.Info;
        await notifier.PublishAsync(new Notification(NotificationKind.EndOfDaySummary, severity, title, body, now), cancellationToken).ConfigureAwait(false);
        await store.MarkSummarySentAsync(context.TradingDay, body, now, cancellationToken).ConfigureAwait(false);
        return EndOfDayStepOutcome.Done($"Sent: {title}.");
    }
}
