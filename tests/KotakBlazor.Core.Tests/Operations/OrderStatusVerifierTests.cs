using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>The order status verifier on a desk whose broker pushes were lost: what it finds, what it records, what it leaves alone.</summary>
public sealed class OrderStatusVerifierTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly OperationsDesk _desk = new();

    [Fact]
    public async Task A_fill_the_push_lost_is_found_recorded_with_last_status_check_and_reported_as_a_change()
    {
        var order = await _desk.OpenOrderAsync();
        _desk.Broker.Fill(order.BrokerOrderId!, 98.75m, _desk.Clock.GetUtcNow());
        _desk.Clock.Advance(TimeSpan.FromSeconds(30));
        using var changes = _desk.Orders.Changes.Subscribe();

        var report = await Verifier().CheckAsync("verifier", None);

        var change = Assert.Single(report.Changes);
        Assert.Equal((OrderStatus.Open, OrderStatus.Filled), (change.Before.Status, change.After.Status));
        Assert.Equal("BUY 65 NIFTY26D0826000CE: Open -> Filled (65 filled)", change.Describe());
        Assert.Equal((1, 0, (string?)null), (report.OrdersChecked, report.NotInBook, report.Problem));
        var now = _desk.Orders.Find(order.Id)!;
        Assert.Equal((OrderStatus.Filled, 98.75m, _desk.Clock.GetUtcNow()), (now.Status, now.AveragePrice, now.LastStatusCheck));
        // The change went out on the desk's stream, where screens and notifications hear it.
        Assert.True(changes.Reader.TryRead(out var published));
        Assert.Equal(OrderStatus.Filled, published.Status);
        var checkedEvent = Assert.Single(_desk.Fixture.Store.Events, e => e.OrderId == order.Id && e.Kind == OrderEventKind.StatusChecked);
        Assert.Equal(("verifier", "Broker says 'complete'"), (checkedEvent.Actor, checkedEvent.Detail));
    }

    [Fact]
    public async Task A_rejection_found_by_the_check_carries_the_brokers_reason()
    {
        var order = await _desk.OpenOrderAsync();
        _desk.Broker.Reject(order.BrokerOrderId!, "RMS: margin shortfall");

        var change = Assert.Single((await Verifier().CheckAsync("verifier", None)).Changes);

        Assert.Equal("BUY 65 NIFTY26D0826000CE: Open -> Rejected: RMS: margin shortfall", change.Describe());
    }

    [Fact]
    public async Task An_unchanged_order_still_gets_its_last_status_check_and_no_change_is_reported()
    {
        var order = await _desk.OpenOrderAsync();
        _desk.Clock.Advance(TimeSpan.FromSeconds(30));

        var report = await Verifier().CheckAsync("verifier", None);

        Assert.Empty(report.Changes);
        Assert.Equal(1, report.OrdersChecked);
        Assert.Equal(_desk.Clock.GetUtcNow(), _desk.Orders.Find(order.Id)!.LastStatusCheck);
        Assert.Equal(OrderStatus.Open, _desk.Orders.Find(order.Id)!.Status);
    }

    [Fact]
    public async Task When_the_order_book_cannot_be_read_the_problem_is_reported_and_nothing_is_touched()
    {
        var order = await _desk.OpenOrderAsync();
        _desk.Gateway.FailBookReads(1);

        var report = await Verifier().CheckAsync("verifier", None);

        Assert.False(report.Ran);
        Assert.Equal("Order book: connection refused", report.Problem);
        Assert.Null(_desk.Orders.Find(order.Id)!.LastStatusCheck);
    }

    [Fact]
    public async Task Final_orders_are_not_checked_and_an_order_missing_from_the_book_is_left_for_reconciliation()
    {
        var filled = await _desk.OpenOrderAsync();
        _desk.Broker.Fill(filled.BrokerOrderId!, 100m, _desk.Clock.GetUtcNow());
        await Verifier().CheckAsync("verifier", None);
        var book = new List<BrokerOrder>();
        var verifier = new OrderStatusVerifier(_desk.Orders, _desk.Clock, _ => Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrder>>.Ok(book)));
        var missing = await _desk.OpenOrderAsync(130);

        var report = await verifier.CheckAsync("verifier", None);

        Assert.Equal((0, 1), (report.OrdersChecked, report.NotInBook));
        Assert.Equal((OrderStatus.Open, (DateTimeOffset?)null), (_desk.Orders.Find(missing.Id)!.Status, _desk.Orders.Find(missing.Id)!.LastStatusCheck));
        Assert.Single(_desk.Fixture.Store.Events, e => e.OrderId == filled.Id && e.Kind == OrderEventKind.StatusChecked);
    }

    [Fact]
    public async Task With_nothing_active_the_broker_is_not_asked()
    {
        var asked = 0;
        var verifier = new OrderStatusVerifier(_desk.Orders, _desk.Clock, _ =>
        {
            asked++;
            return Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrder>>.Ok([]));
        });

        var report = await verifier.CheckAsync("verifier", None);

        Assert.Equal(0, asked);
        Assert.Equal((_desk.Clock.GetUtcNow(), 0, 0, 0, true), (report.Time, report.OrdersChecked, report.NotInBook, report.Changes.Count, report.Ran));
    }

    private OrderStatusVerifier Verifier() => new(_desk.Orders, _desk.Clock);
}
