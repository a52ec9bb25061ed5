using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Operations;

/// <summary>
/// The verifier running in the app: it checks working orders against the broker's order book on
/// its interval, records last_status_check, and a change the order feed never pushed (here the
/// exchange cancelling an order whose push was lost) reaches the order's owner as a notification.
/// </summary>
public sealed class OrderStatusVerifierServiceTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private readonly LostPushBook _book = new();
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(
            new Dictionary<string, string> { ["Operations:VerifierIntervalSeconds"] = "1", ["Reconciliation:IntervalSeconds"] = "0" },
            configure: builder => builder.Services.AddSingleton(provider => new OrderStatusVerifier(
                provider.GetRequiredService<OrderManager>(), provider.GetRequiredService<TimeProvider>(),
                cancellationToken => _book.ReadAsync(provider.GetRequiredService<PaperBroker>(), cancellationToken))));
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_working_order_gets_its_last_status_check_and_a_change_the_feed_lost_is_applied_and_notified()
    {
        var order = await PlaceFarLimitAsync();
        var verifier = _app.Services.GetRequiredService<OrderStatusVerifier>();
        using var checks = verifier.Checks.Subscribe(64);
        using var posted = _app.Services.GetRequiredService<NotificationOutbox>().Posted.Subscribe(256);

        // A pass that sees the order as it is: checked, unchanged.
        var quiet = await NextAsync(checks, r => r.OrdersChecked >= 1);
        Assert.Empty(quiet.Changes);
        var orders = _app.Services.GetRequiredService<OrderManager>();
        Assert.NotNull(orders.Find(order.Id)!.LastStatusCheck);
        var events = await _app.Services.GetRequiredService<IOrderStore>().LoadEventsAsync(order.Id, _timeout.Token);
        Assert.Contains(events, e => e.Kind == OrderEventKind.StatusChecked && e.Actor == OrderStatusVerifierService.Actor);

        // The exchange cancels it; the push never arrives; only the order book says so.
        _book.Override(order.BrokerOrderId!, row => row with { Status = OrderStatus.Cancelled, BrokerStatus = "cancelled", RejectReason = "Cancelled by the exchange: price band revised" });
        var found = await NextAsync(checks, r => r.Changes.Count > 0);

        var change = Assert.Single(found.Changes);
        Assert.Equal((OrderStatus.Open, OrderStatus.Cancelled), (change.Before.Status, change.After.Status));
        var now = orders.Find(order.Id)!;
        Assert.Equal(OrderStatus.Cancelled, now.Status);
        Assert.Equal(now.UpdatedAt, now.LastStatusCheck);
        var notification = (await NextPostedAsync(posted, p => p.Notification.Kind == NotificationKind.OrderCancelled)).Notification;
        Assert.Equal("admin", notification.UserName);
        Assert.StartsWith("Order cancelled: BUY 1 RELIANCE-EQ", notification.Title, StringComparison.Ordinal);
        Assert.Contains("Cancelled by the exchange: price band revised", notification.Body, StringComparison.Ordinal);
        Assert.Contains("Found by the status check against the broker's order book.", notification.Body, StringComparison.Ordinal);
        var inbox = await _app.Services.GetRequiredService<NotificationInbox>().LoadAsync("admin", 20, _timeout.Token);
        Assert.Contains(inbox, i => i.Notification.Kind == NotificationKind.OrderCancelled && i.Notification.Title == notification.Title);
    }

    private async Task<Order> PlaceFarLimitAsync()
    {
        var ltp = await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, _timeout.Token);
        // 4% under the market: inside the risk price band (5%), far from any fill while the test runs.
        var limit = Math.Round(ltp * 0.96m, 1);
        var outcome = await _app.Services.GetRequiredService<TradingCommands>().PlaceAsync(PaperTrading.Admin,
            new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Limit, ProductType.Cnc, limit), OrderSource.Ticket, Guid.NewGuid().ToString("N"), _timeout.Token);
        Assert.True(outcome.Accepted, outcome.Message);
        var order = Assert.Single(outcome.Orders);
        Assert.Equal(OrderStatus.Open, order.Status);
        return order;
    }

    private async Task<StatusCheckReport> NextAsync(Core.Messaging.EventStream<StatusCheckReport>.Subscription checks, Func<StatusCheckReport, bool> wanted)
    {
        while (true)
        {
            var report = await checks.Reader.ReadAsync(_timeout.Token);
            if (wanted(report))
            {
                return report;
            }
        }
    }

    private async Task<PostedNotification> NextPostedAsync(Core.Messaging.EventStream<PostedNotification>.Subscription posted, Func<PostedNotification, bool> wanted)
    {
        while (true)
        {
            var next = await posted.Reader.ReadAsync(_timeout.Token);
            if (wanted(next))
            {
                return next;
            }
        }
    }

    /// <summary>The paper broker's order book with rows the test rewrites: what the broker says when its push was lost.</summary>
    private sealed class LostPushBook
    {
        private readonly Dictionary<string, Func<BrokerOrder, BrokerOrder>> _overrides = [];
        private readonly Lock _gate = new();

        public void Override(string brokerOrderId, Func<BrokerOrder, BrokerOrder> change)
        {
            lock (_gate)
            {
                _overrides[brokerOrderId] = change;
            }
        }

        public async Task<BrokerResult<IReadOnlyList<BrokerOrder>>> ReadAsync(PaperBroker broker, CancellationToken cancellationToken)
        {
            var book = await broker.GetOrderBookAsync(cancellationToken);
            lock (_gate)
            {
                return BrokerResult<IReadOnlyList<BrokerOrder>>.Ok([.. book.Value!.Select(r => _overrides.TryGetValue(r.BrokerOrderId, out var change) ? change(r) : r)]);
            }
        }
    }
}
