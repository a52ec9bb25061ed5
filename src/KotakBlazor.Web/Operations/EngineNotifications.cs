using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// Kill-switch trips and resets (from the kernel's stream: by an admin or by the daily-loss limit)
/// and manual trades found by reconciliation, as notifications to everyone who chose them.
/// </summary>
public sealed partial class EngineNotifications(
    KernelEventStreams events,
    Reconciler reconciler,
    INotifier notifier,
    ILogger<EngineNotifications> logger) : BackgroundService
{
    private Core.Messaging.EventStream<KillSwitchChange>.Subscription? _killSwitch;
    private Core.Messaging.EventStream<ManualTrade>.Subscription? _manualTrades;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before trading starts: a trip restored or made in the first moments is not missed.
        _killSwitch = events.KillSwitch.Subscribe(256);
        _manualTrades = reconciler.ManualTradesDetected.Subscribe(4096);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var killSwitch = _killSwitch!;
        using var manualTrades = _manualTrades!;
        await Task.WhenAll(
            killSwitch.ForEachAsync(change => notifier.PublishAsync(Describe(change), stoppingToken).AsTask(), (ex, _) => LogFailed(logger, ex, "kill switch"), stoppingToken),
            manualTrades.ForEachAsync(trade => notifier.PublishAsync(Describe(trade), stoppingToken).AsTask(), (ex, _) => LogFailed(logger, ex, "manual trade"), stoppingToken));
    }

    /// <summary>The notification for a trip or a reset.</summary>
    public static Notification Describe(KillSwitchChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Tripped
            ? new Notification(NotificationKind.KillSwitchTripped, NotificationSeverity.Critical,
                $"Kill switch TRIPPED by {change.Actor}" + (change.Automatic ? " (daily-loss limit)" : string.Empty),
                $"{change.Reason}\nNo new order reaches the broker; working orders are cancelled and strategies paused.", change.Time)
            : new Notification(NotificationKind.KillSwitchReset, NotificationSeverity.Success,
                $"Kill switch reset by {change.Actor}", $"{change.Reason}\nOrders may reach the broker again; strategies stay paused until started.", change.Time);
    }

    /// <summary>The notification for a manual trade found at the broker.</summary>
    public static Notification Describe(ManualTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var quantity = trade.Quantity > 0 ? $"+{trade.Quantity}" : trade.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var where = trade.Kind switch
        {
            ManualTradeKind.Order => $"an order placed outside this system ({trade.BrokerOrderId})",
            ManualTradeKind.Holding => "a delivery holding the system did not buy",
            _ => "position quantity our orders do not explain",
        };
        return new Notification(NotificationKind.ManualTradeDetected, NotificationSeverity.Warning,
            $"Manual trade found: {trade.TradingSymbol} {quantity} ({trade.Product.ToString().ToUpperInvariant()})",
            $"The broker shows {where}. It is kept apart from the strategies' positions until a trader adopts or ignores it on the positions page.",
            trade.DetectedAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {What} notification could not be published")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
