using System.Globalization;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// Turns the order desk's changes into notifications: placed (the broker took it), filled or partly
/// filled, rejected or failed, cancelled. A change found by a status check against the broker's
/// order book (the verifier, reconciliation) says so. Orders that existed before this start are
/// known from the store first, so a restart does not announce old fills again.
/// </summary>
public sealed partial class OrderNotifications(
    OrderManager orders,
    IOrderStore store,
    INotifier notifier,
    TimeProvider clock,
    ILogger<OrderNotifications> logger) : BackgroundService
{
    private readonly Dictionary<Guid, (OrderStatus Status, int Filled)> _known = [];
    private Core.Messaging.EventStream<Order>.Subscription? _changes;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the desk loads or reconciles anything (hosted services start in order, trading after this).
        _changes = orders.Changes.Subscribe(65_536);
        var since = clock.GetUtcNow() - OrderManager.LoadWindow - TimeSpan.FromDays(1);
        foreach (var order in (await store.QueryAsync(new OrderQuery(Since: since, Limit: 100_000), cancellationToken)).Concat(await store.LoadActiveAsync(cancellationToken)))
        {
            _known[order.Id] = (order.Status, order.FilledQuantity);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changes = _changes!;
        await changes.ForEachAsync(order => PublishAsync(order, stoppingToken).AsTask(), (ex, order) => LogFailed(logger, ex, order.Id), stoppingToken);
    }

    /// <summary>The notification for an order's move from <paramref name="before"/> to <paramref name="order"/>, if it deserves one.</summary>
    public static Notification? Describe(Order order, OrderStatus before, int filledBefore)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Source == OrderSource.Manual)
        {
            // Adopted manual trades and expiry settlements: announced when they are found or settled.
            return null;
        }

        var what = $"{order.Side.ToString().ToUpperInvariant()} {order.Quantity} {order.TradingSymbol}";
        var who = order.RequestedBy.StartsWith("strategy:", StringComparison.Ordinal) || order.RequestedBy == "system" ? null : order.RequestedBy;
        var check = order.LastStatusCheck is { } checkedAt && checkedAt == order.UpdatedAt ? "\nFound by the status check against the broker's order book." : string.Empty;
        var reference = $"Broker order {order.BrokerOrderId ?? "(none)"}, tag {order.Tag}; {order.Source} by {order.RequestedBy}.";
        var price = order.AveragePrice is { } average ? string.Create(CultureInfo.InvariantCulture, $" at an average of {average:0.00}") : string.Empty;
        Notification Make(NotificationKind kind, NotificationSeverity severity, string title, string detail) =>
            new(kind, severity, title, detail + check, order.UpdatedAt, who);

        if (order.FilledQuantity > filledBefore)
        {
            return order.Status == OrderStatus.Filled
                ? Make(NotificationKind.OrderExecuted, NotificationSeverity.Success, $"Order filled: {what}{price}", reference)
                : Make(NotificationKind.OrderExecuted, NotificationSeverity.Info, $"Order partly filled: {order.FilledQuantity} of {what}{price}", reference);
        }

        if (order.Status == before)
        {
            return null;
        }

        return order.Status switch
        {
            OrderStatus.Open => Make(NotificationKind.OrderPlaced, NotificationSeverity.Info, $"Order placed: {what} {Terms(order)}", reference),
            OrderStatus.Rejected => Make(NotificationKind.OrderRejected, NotificationSeverity.Warning, $"Order rejected: {what}", $"{order.Reason ?? "No reason given."}\n{reference}"),
            OrderStatus.Failed => Make(NotificationKind.OrderRejected, NotificationSeverity.Warning, $"Order failed: {what}", $"{order.Reason ?? "It did not reach the broker."}\n{reference}"),
            OrderStatus.Cancelled => Make(NotificationKind.OrderCancelled, NotificationSeverity.Info, $"Order cancelled: {what}", $"{order.Reason ?? "Cancelled."}\n{reference}"),
            _ => null,
        };
    }

    private static string Terms(Order order) => order.Type switch
    {
        OrderType.Market => $"at market {order.Product.ToString().ToUpperInvariant()}",
        OrderType.Limit => string.Create(CultureInfo.InvariantCulture, $"limit {order.LimitPrice:0.00} {order.Product.ToString().ToUpperInvariant()}"),
        OrderType.StopLoss => string.Create(CultureInfo.InvariantCulture, $"stop-loss trigger {order.TriggerPrice:0.00} limit {order.LimitPrice:0.00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"stop-loss market trigger {order.TriggerPrice:0.00}"),
    };

    private ValueTask PublishAsync(Order order, CancellationToken cancellationToken)
    {
        var (before, filled) = _known.TryGetValue(order.Id, out var known) ? known : (OrderStatus.PendingSubmit, 0);
        _known[order.Id] = (order.Status, order.FilledQuantity);
        return Describe(order, before, filled) is { } notification ? notifier.PublishAsync(notification, cancellationToken) : ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification for order {OrderId} could not be published")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid orderId);
}
