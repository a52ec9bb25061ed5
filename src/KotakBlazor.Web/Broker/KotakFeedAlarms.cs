using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In the Kotak modes: a feed that went silent in market hours or whose session was refused is told to people
/// through the notifier (the feed reconnects by itself; someone may still need to log in or check the line),
/// and its coming back after such an alarm too.
/// </summary>
public sealed partial class KotakFeedAlarms(
    KotakSFeed marketFeed,
    INotifier notifier,
    TimeProvider clock,
    ILogger<KotakFeedAlarms> logger,
    KotakOrderFeed? orderFeed = null) : BackgroundService
{
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var marketAlarms = marketFeed.Alarms.Subscribe(64);
        using var marketStatus = marketFeed.StatusChanged.Subscribe(256);
        using var orderAlarms = orderFeed?.Alarms.Subscribe(64);
        using var orderStatus = orderFeed?.StatusChanged.Subscribe(256);
        var listening = new List<Task>
        {
            marketAlarms.ForEachAsync(a => OnAlarmAsync(a, stoppingToken), (ex, _) => LogFailed(logger, ex), stoppingToken),
            marketStatus.ForEachAsync(s => OnStatusAsync(s, stoppingToken), (ex, _) => LogFailed(logger, ex), stoppingToken),
        };
        if (orderAlarms is not null && orderStatus is not null)
        {
            listening.Add(orderAlarms.ForEachAsync(a => OnAlarmAsync(a, stoppingToken), (ex, _) => LogFailed(logger, ex), stoppingToken));
            listening.Add(orderStatus.ForEachAsync(s => OnStatusAsync(s, stoppingToken), (ex, _) => LogFailed(logger, ex), stoppingToken));
        }

        await Task.WhenAll(listening);
    }

    private async Task OnAlarmAsync(FeedAlarm alarm, CancellationToken cancellationToken)
    {
        lock (_down)
        {
            _down.Add(alarm.Feed);
        }

        var title = alarm.Kind == FeedAlarmKind.Silent ? $"Kotak {Words(alarm.Feed)} went silent" : $"Kotak {Words(alarm.Feed)} refused the session";
        await notifier.PublishAsync(new Notification(NotificationKind.FeedDown, NotificationSeverity.Warning, title, alarm.Message, alarm.At), cancellationToken);
    }

    private async Task OnStatusAsync(KotakFeedStatus status, CancellationToken cancellationToken)
    {
        bool wasDown;
        lock (_down)
        {
            wasDown = status.State == KotakFeedState.Connected && _down.Remove(status.Feed);
        }

        if (wasDown)
        {
            await notifier.PublishAsync(new Notification(NotificationKind.FeedRestored, NotificationSeverity.Success,
                $"Kotak {Words(status.Feed)} is back", $"Connected again after {status.ReconnectCount} reconnect(s).", status.ConnectedSince ?? clock.GetUtcNow()), cancellationToken);
        }
    }

    private static string Words(string feed) => feed == KotakOrderFeed.FeedName ? "order feed" : "market feed";

    [LoggerMessage(Level = LogLevel.Error, Message = "A Kotak feed alarm could not be passed on")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
