using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Market;
using KotakBlazor.Web.Operations;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Web.Tests.Operations;

/// <summary>Which order moves and feed changes become notifications, and what they say.</summary>
public sealed class NotificationWordingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    private static readonly Order Working = new()
    {
        Id = Guid.NewGuid(),
        Tag = "KB1",
        BrokerOrderId = "2612070001",
        Instrument = new InstrumentId(ExchangeSegment.NseFo, 43123),
        TradingSymbol = "NIFTY26D0826000CE",
        Side = OrderSide.Sell,
        Quantity = 130,
        Type = OrderType.Limit,
        Product = ProductType.Nrml,
        LimitPrice = 101.5m,
        Status = OrderStatus.Open,
        Source = OrderSource.Strategy,
        RequestedBy = "strategy:ORB",
        PlacedAt = At,
        UpdatedAt = At,
    };

    [Fact]
    public void A_placed_order_names_its_terms_and_a_strategys_order_goes_to_everyone()
    {
        var placed = OrderNotifications.Describe(Working, OrderStatus.PendingSubmit, 0)!;

        Assert.Equal((NotificationKind.OrderPlaced, "Order placed: SELL 130 NIFTY26D0826000CE limit 101.50 NRML"), (placed.Kind, placed.Title));
        Assert.Null(placed.UserName);
        Assert.Equal("Broker order 2612070001, tag KB1; Strategy by strategy:ORB.", placed.Body);
    }

    [Fact]
    public void A_partial_fill_then_the_full_fill_are_both_told_and_the_owner_is_the_trader()
    {
        var partly = Working with { Status = OrderStatus.PartiallyFilled, FilledQuantity = 65, AveragePrice = 101.55m, RequestedBy = "trader1", Source = OrderSource.Ticket };
        var filled = partly with { Status = OrderStatus.Filled, FilledQuantity = 130, AveragePrice = 101.525m };

        var first = OrderNotifications.Describe(partly, OrderStatus.Open, 0)!;
        var second = OrderNotifications.Describe(filled, OrderStatus.PartiallyFilled, 65)!;

        Assert.Equal((NotificationKind.OrderExecuted, NotificationSeverity.Info, "Order partly filled: 65 of SELL 130 NIFTY26D0826000CE at an average of 101.55", "trader1"),
            (first.Kind, first.Severity, first.Title, first.UserName));
        Assert.Equal((NotificationSeverity.Success, "Order filled: SELL 130 NIFTY26D0826000CE at an average of 101.53"), (second.Severity, second.Title));
    }

    [Fact]
    public void A_status_check_is_named_and_nothing_is_said_for_a_check_that_changed_nothing_or_for_an_adopted_trade()
    {
        var rejected = Working with { Status = OrderStatus.Rejected, Reason = "RMS: margin shortfall", UpdatedAt = At.AddMinutes(1), LastStatusCheck = At.AddMinutes(1) };

        var notification = OrderNotifications.Describe(rejected, OrderStatus.Open, 0)!;

        Assert.Equal((NotificationKind.OrderRejected, "Order rejected: SELL 130 NIFTY26D0826000CE"), (notification.Kind, notification.Title));
        Assert.Equal("RMS: margin shortfall\nBroker order 2612070001, tag KB1; Strategy by strategy:ORB.\nFound by the status check against the broker's order book.", notification.Body);
        Assert.Null(OrderNotifications.Describe(Working with { LastStatusCheck = At }, OrderStatus.Open, 0));
        Assert.Null(OrderNotifications.Describe(Working with { Source = OrderSource.Manual, Status = OrderStatus.Filled, FilledQuantity = 130 }, OrderStatus.PendingSubmit, 0));
    }

    [Fact]
    public async Task Feeds_going_down_are_told_once_and_their_return_once_while_connecting_or_a_closed_market_change_nothing()
    {
        var notifier = new Recorder();
        var feeds = new FeedNotifications(null!, notifier, Microsoft.Extensions.Options.Options.Create(new OperationsOptions()), TimeProvider.System, NullLogger<FeedNotifications>.Instance);

        foreach (var status in new[] { "Connecting", "Live", "Stale", "Disconnected", "MarketClosed", "Live", "Live" })
        {
            await feeds.CheckAsync(new FeedSummary(status, status, $"Simulated: {status}"), CancellationToken.None);
        }

        Assert.Equal([(NotificationKind.FeedDown, "Market feed down: Stale"), (NotificationKind.FeedRestored, "Market feed back: live")],
            notifier.Published.Select(n => (n.Kind, n.Title)));
        Assert.Equal(NotificationSeverity.Critical, notifier.Published[0].Severity);
    }

    private sealed class Recorder : INotifier
    {
        public List<Notification> Published { get; } = [];

        public ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken)
        {
            Published.Add(notification);
            return ValueTask.CompletedTask;
        }
    }
}
