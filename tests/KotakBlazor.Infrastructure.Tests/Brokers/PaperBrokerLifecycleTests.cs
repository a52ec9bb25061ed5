using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;
using static KotakBlazor.Infrastructure.Tests.Brokers.PaperMarket;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>The paper broker's loop on the tick bus, its latency on a manual clock, its order numbers and its injected faults.</summary>
public sealed class PaperBrokerLifecycleTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);
    private readonly PaperMarket _market = new();

    [Fact]
    public async Task The_loop_matches_ticks_published_on_the_bus_until_disposed()
    {
        var broker = _market.CreateBroker();
        await broker.StartAsync(CancellationToken.None);
        using var updates = broker.OrderUpdates.Subscribe();
        var id = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "bus"), CancellationToken.None));

        _market.Bus.Publish(_market.Tick(NiftyCall, 100m, bid: 99.95m, ask: 100.10m));

        var filled = (await UpdatesUntilAsync(updates, id, static o => o.Status == OrderStatus.Filled))[^1];
        Assert.Equal(100.10m, filled.AveragePrice);
        Assert.Equal(1, _market.Bus.SubscriberCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => broker.StartAsync(CancellationToken.None));

        await broker.DisposeAsync();

        Assert.Equal(0, _market.Bus.SubscriberCount);
        var stopped = Failed(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "late"), CancellationToken.None), BrokerErrorKind.Unreachable);
        Assert.True(stopped.IsSafeToRetry);
    }

    [Fact]
    public async Task Calls_from_many_threads_while_the_loop_matches_keep_the_books_consistent()
    {
        await using var broker = _market.CreateBroker();
        await broker.StartAsync(CancellationToken.None);
        using var updates = broker.OrderUpdates.Subscribe(capacity: 4096);

        var placers = Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                ids.Add(Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, $"t{t}-{i}"), CancellationToken.None)));
            }

            return ids;
        })).ToArray();
        var ticker = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                _market.Bus.Publish(_market.Tick(NiftyCall, 100m + (i % 5)));
            }
        });
        var ids = (await Task.WhenAll(placers)).SelectMany(static x => x).ToList();
        await ticker;
        _market.Bus.Publish(_market.Tick(NiftyCall, 100m)); // fills whatever was placed after the last tick

        var filled = new HashSet<string>(StringComparer.Ordinal);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (filled.Count < ids.Count)
        {
            var row = await updates.Reader.ReadAsync(patience.Token);
            if (row.Status == OrderStatus.Filled)
            {
                Assert.True(filled.Add(row.BrokerOrderId), $"{row.BrokerOrderId} filled twice");
            }
        }

        Assert.Equal(100, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), filled.Order(StringComparer.Ordinal));
        var trades = Ok(await broker.GetTradeBookAsync(CancellationToken.None));
        Assert.Equal(100, trades.Select(t => t.TradeId).Distinct(StringComparer.Ordinal).Count());
        var position = Assert.Single(Ok(await broker.GetPositionsAsync(CancellationToken.None)));
        Assert.Equal(6_500, position.BuyQuantity);
        Assert.Equal(trades.Sum(t => t.Quantity * t.Price), position.BuyAmount);
    }

    [Fact]
    public async Task Order_numbers_read_like_kotaks_and_trade_numbers_are_distinct()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        var first = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "1"), CancellationToken.None));
        var second = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "2"), CancellationToken.None));

        // IST date, then a day's sequence: like 250720000007242.
        Assert.Equal(("261123000000001", "261123000000002"), (first, second));
        var trades = Ok(await broker.GetTradeBookAsync(CancellationToken.None));
        Assert.Equal(["26112300000001", "26112300000002"], trades.Select(t => t.TradeId));
    }

    [Fact]
    public async Task With_latency_the_acknowledgement_and_the_fill_each_arrive_a_latency_later()
    {
        var start = _market.Clock.GetUtcNow();
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { LatencyMilliseconds = 200 });
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        using var trades = broker.Trades.Subscribe();

        var place = broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "slow"), CancellationToken.None);
        await _market.Clock.WaitForArmedTimersAsync(1, CancellationToken.None);
        var bookWhileInFlight = Ok(await broker.GetOrderBookAsync(CancellationToken.None));
        Assert.False(place.IsCompleted);
        _market.Clock.Advance(Latency);
        var id = Ok(await place);
        var acknowledged = await RowAsync(broker, id);
        _market.Clock.Advance(Latency - TimeSpan.FromMilliseconds(1));
        var justBefore = await RowAsync(broker, id);
        _market.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Empty(bookWhileInFlight);
        Assert.Equal((OrderStatus.Open, 0), (acknowledged.Status, acknowledged.FilledQuantity));
        Assert.Equal(OrderStatus.Open, justBefore.Status);
        Assert.Equal(OrderStatus.Filled, (await RowAsync(broker, id)).Status);
        var trade = Assert.Single(Drain(trades));
        Assert.Equal((100.05m, start + (2 * Latency)), (trade.Price, trade.Time));
    }

    [Fact]
    public async Task With_latency_a_cancel_that_arrives_after_the_exchange_traded_finds_the_order_complete()
    {
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { LatencyMilliseconds = 200 });
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        var place = broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 95m, "late-cancel"), CancellationToken.None);
        _market.Clock.Advance(Latency);
        var id = Ok(await place);

        var cancel = broker.CancelAsync(id, CancellationToken.None);
        _market.Clock.Advance(Latency / 2);
        broker.OnTick(_market.Tick(NiftyCall, 94m)); // the exchange trades it now; we would hear at +200 ms
        _market.Clock.Advance(Latency / 2);         // the cancel arrives first

        var error = Failed(await cancel, BrokerErrorKind.NotFound);
        Assert.Equal($"Order {id}: order is complete.", error.Message);
        var row = await RowAsync(broker, id);
        Assert.Equal((OrderStatus.Filled, 94.05m), (row.Status, row.AveragePrice));
        Assert.Single(Ok(await broker.GetTradeBookAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task An_unreachable_fault_places_nothing_and_the_next_call_works()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        broker.Faults.FailNextPlaces(2, BrokerErrorKind.Unreachable);

        var first = Failed(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "a"), CancellationToken.None), BrokerErrorKind.Unreachable);
        Failed(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "a"), CancellationToken.None), BrokerErrorKind.Unreachable);
        var third = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "a"), CancellationToken.None));

        Assert.True(first.IsSafeToRetry);
        var row = Assert.Single(Ok(await broker.GetOrderBookAsync(CancellationToken.None)));
        Assert.Equal((third, "a", OrderStatus.Filled), (row.BrokerOrderId, row.Tag, row.Status));
    }

    [Fact]
    public async Task An_unknown_fault_places_the_order_but_loses_the_acknowledgement()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        broker.Faults.FailNextPlaces(1, BrokerErrorKind.Unknown);

        var error = Failed(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "lost-ack"), CancellationToken.None), BrokerErrorKind.Unknown);

        Assert.False(error.IsSafeToRetry);
        var row = Assert.Single(Ok(await broker.GetOrderBookAsync(CancellationToken.None)));
        Assert.Equal(("lost-ack", OrderStatus.Filled), (row.Tag, row.Status));

        // Sending it again under the same tag is caught by the broker, as Kotak does.
        Failed(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "lost-ack"), CancellationToken.None), BrokerErrorKind.Refused);
    }
}
