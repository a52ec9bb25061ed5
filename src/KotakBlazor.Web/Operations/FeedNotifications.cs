using KotakBlazor.Core.Notifications;
using KotakBlazor.Web.Market;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// Watches the market feeds' health (the same summary as the header's badge) and says when they go
/// down (stale or disconnected while the market is open) and when they are live again. "Connecting"
/// and "market closed" are neither: they change nothing.
/// </summary>
public sealed partial class FeedNotifications(
    LiveMarket market,
    INotifier notifier,
    IOptions<OperationsOptions> options,
    TimeProvider clock,
    ILogger<FeedNotifications> logger) : BackgroundService
{
    private bool? _down;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.FeedCheckSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(market.SummarizeFeeds(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Publishes a notification when <paramref name="summary"/> changes the feeds from up to down or back.</summary>
    public async Task CheckAsync(FeedSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        bool? down = summary.Status switch
        {
            "Stale" or "Disconnected" => true,
            "Live" => false,
            _ => null,
        };
        if (down is null || down == _down)
        {
            return;
        }

        var wasDown = _down;
        _down = down;
        if (down == true)
        {
            await notifier.PublishAsync(new Notification(NotificationKind.FeedDown, NotificationSeverity.Critical,
                $"Market feed down: {summary.Label}", summary.Detail + "\nPrices on screen and strategy signals are not current.", clock.GetUtcNow()), cancellationToken);
        }
        else if (wasDown == true)
        {
            await notifier.PublishAsync(new Notification(NotificationKind.FeedRestored, NotificationSeverity.Success,
                "Market feed back: live", summary.Detail, clock.GetUtcNow()), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The feed health check for notifications failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
