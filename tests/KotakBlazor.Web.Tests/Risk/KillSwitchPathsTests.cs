using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;
using Xunit.Abstractions;

namespace KotakBlazor.Web.Tests.Risk;

/// <summary>
/// An admin's trip closes every order path before the broker: the ticket, hub clients (through
/// the commands and over the real websocket), strategies and batches. Orders racing the trip
/// either never reach the paper broker or are cancelled there; none is left working.
/// </summary>
public sealed class KillSwitchPathsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private LoopbackApp _app = null!;

    private KillSwitchService KillSwitch => _app.Services.GetRequiredService<KillSwitchService>();

    private TradingCommands Commands => _app.Services.GetRequiredService<TradingCommands>();

    private OrderManager Orders => _app.Services.GetRequiredService<OrderManager>();

    public async Task InitializeAsync()
    {
        // Paced at 4 orders a second, fifty orders take over ten seconds to send: the trip lands while most still wait their turn.
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Execution:OrdersPerSecond"] = "4" });
        await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task After_an_admin_trips_no_path_gets_an_order_to_the_broker()
    {
        var (http, cookies) = await _app.SignedInClientAsync();
        await using var hub = await HubWireClient.ConnectAsync(_app.BaseAddress, cookies: cookies, cancellationToken: _timeout.Token);
        var ticket = new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis);
        Assert.True((await Commands.PreviewAsync(ticket, _timeout.Token)).IsAllowed, "The order must be allowed before the trip, or the test proves nothing.");

        var trip = await KillSwitch.TripAsync(PaperTrading.Admin, "test: stop everything", _timeout.Token);

        Assert.True(trip.Succeeded, trip.Message);
        var fromTicket = await Commands.PlaceAsync(PaperTrading.Admin, ticket, OrderSource.Ticket, "ticket-1", _timeout.Token);
        var fromHubCommand = await Commands.PlaceAsync(PaperTrading.Admin, ticket, OrderSource.Hub, "hub-1", _timeout.Token);
        var fromStrategy = await Orders.SubmitAsync(Request(OrderSource.Strategy, Guid.NewGuid()), _timeout.Token);
        var fromBatch = await Orders.SubmitAsync(Request(OrderSource.Batch, null) with { GroupId = Guid.NewGuid() }, _timeout.Token);
        var systemEntry = await Orders.SubmitAsync(Request(OrderSource.System, null), _timeout.Token);
        var overWire = await hub.InvokeAsync("PlaceOrder",
            [new { instrument = "RELIANCE-EQ", side = "BUY", quantity = 1, type = "MKT", product = "MIS", price = (decimal?)null, triggerPrice = (decimal?)null, idempotencyKey = "wire-1" }],
            _timeout.Token);

        foreach (var outcome in new[] { fromTicket, fromHubCommand, fromStrategy, fromBatch, systemEntry })
        {
            Assert.False(outcome.Accepted);
            Assert.Empty(outcome.Orders);
            Assert.Contains("kill switch is tripped (test: stop everything, by admin)", outcome.Message, StringComparison.Ordinal);
        }

        Assert.Null(overWire["error"]);
        Assert.False((bool)overWire["result"]!["accepted"]!);
        Assert.Contains("kill switch is tripped", (string?)overWire["result"]!["message"], StringComparison.Ordinal);
        Assert.Empty(Orders.Orders);
        Assert.Empty(await BrokerBookAsync());
        http.Dispose();
    }

    [Fact]
    public async Task Orders_racing_a_trip_either_never_reach_the_broker_or_are_cancelled_there()
    {
        var settings = _app.Services.GetRequiredService<RiskSettingsService>();
        // Fifty identical orders at once: the rate and duplicate rules would refuse most of them before the gate.
        var open = settings.Limits with { MaxOrdersPerSecond = 0, DuplicateWindowSeconds = 0 };
        Assert.True((await settings.SaveAsync(PaperTrading.Admin, open, settings.Limits, _timeout.Token)).Succeeded);
        var price = await RestingBuyPriceAsync();
        using var changes = Orders.Changes.Subscribe(4096);

        // The desk paces sends, so most of the fifty are still queued when the switch trips.
        var submissions = Enumerable.Range(0, 50).Select(i => Task.Run(() => SubmitAsync(i, price))).ToList();
        await UntilAtTheBrokerAsync(changes, stored: 20, acknowledged: 10);
        var trip = await KillSwitch.TripAsync(PaperTrading.Admin, "test: trip under load", _timeout.Token);
        var outcomes = await Task.WhenAll(submissions);
        var lateOutcomes = await Task.WhenAll(Enumerable.Range(50, 8).Select(i => SubmitAsync(i, price)));

        Assert.True(trip.Succeeded, trip.Message);
        Assert.All(lateOutcomes, o => Assert.False(o.Accepted));
        var book = await BrokerBookAsync();
        var desk = outcomes.SelectMany(o => o.Orders).Select(o => Orders.Find(o.Id)!).ToList();
        var reached = desk.Where(o => o.BrokerOrderId is not null).ToList();
        var stopped = desk.Where(o => o.BrokerOrderId is null).ToList();
        output.WriteLine($"{reached.Count} reached the broker ({string.Join(", ", reached.GroupBy(o => o.Status).Select(g => $"{g.Count()} {g.Key}"))}); "
            + $"{stopped.Count} stopped before it ({string.Join(", ", stopped.GroupBy(o => o.Status).Select(g => $"{g.Count()} {g.Key}"))}); {outcomes.Count(o => !o.Accepted)} refused by the risk check");
        // At least the ten seen acknowledged reached the broker; how many more did depends on the machine's speed (a busy CI
        // machine may see the trip late), so the count is reported, not asserted. What must hold, holds for any count:
        Assert.True(reached.Count >= 10, $"{reached.Count} orders reached the broker before the trip; ten were seen acknowledged.");
        // Exactly the orders the desk sent are at the broker: nothing after the trip got through.
        Assert.Equal(reached.Select(o => o.Tag).Order(), book.Select(r => r.Tag!).Order());
        Assert.All(book, row => Assert.True(row.Status is OrderStatus.Cancelled or OrderStatus.Filled,
            $"Broker order {row.BrokerOrderId} is {row.Status}: the trip must leave nothing working."));
        Assert.All(reached, o => Assert.True(o.Status is OrderStatus.Cancelled or OrderStatus.Filled, $"{o.Summary}: {o.Reason}"));
        Assert.All(stopped, o => Assert.True(o.Status is OrderStatus.Failed or OrderStatus.Cancelled, $"{o.Summary}: {o.Reason}"));
        Assert.DoesNotContain(Orders.Orders, o => OrderLifecycle.IsWorking(o.Status) || o.Status == OrderStatus.PendingSubmit);
    }

    private async Task<OrderOutcome> SubmitAsync(int i, decimal price)
    {
        // Every path in turn: the ticket and hub clients through the commands, strategies and batches straight to the desk.
        switch (i % 4)
        {
            case 0:
            case 1:
                var ticket = new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Limit, ProductType.Mis, price);
                return await Commands.PlaceAsync(PaperTrading.Admin, ticket, i % 4 == 0 ? OrderSource.Ticket : OrderSource.Hub, $"race-{i}", _timeout.Token);
            case 2:
                return await Orders.SubmitAsync(Request(OrderSource.Strategy, Guid.NewGuid()) with { Type = OrderType.Limit, LimitPrice = price }, _timeout.Token);
            default:
                return await Orders.SubmitAsync(Request(OrderSource.Batch, null) with { Type = OrderType.Limit, LimitPrice = price, GroupId = Guid.NewGuid() }, _timeout.Token);
        }
    }

    private static OrderRequest Request(OrderSource source, Guid? strategyId) =>
        new(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis, null, null, source, source == OrderSource.Strategy ? "strategy:test" : "test", StrategyId: strategyId);

    // A buy 3% under the market rests at the broker (working) and is well inside the 5% price band.
    private async Task<decimal> RestingBuyPriceAsync()
    {
        var ltp = await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, _timeout.Token);
        Assert.True(_app.Services.GetRequiredService<IInstrumentCatalog>().TryGet(PaperTrading.Reliance, out var instrument));
        return Math.Floor(ltp * 0.97m / instrument.TickSize) * instrument.TickSize;
    }

    // Midway: some orders are at the broker and more are stored and queued behind the pacer.
    private async Task UntilAtTheBrokerAsync(Core.Messaging.EventStream<Order>.Subscription changes, int stored, int acknowledged)
    {
        var seen = new HashSet<Guid>();
        var atBroker = new HashSet<Guid>();
        while ((seen.Count < stored || atBroker.Count < acknowledged) && await changes.Reader.WaitToReadAsync(_timeout.Token))
        {
            while (changes.Reader.TryRead(out var order))
            {
                seen.Add(order.Id);
                if (order.BrokerOrderId is not null)
                {
                    atBroker.Add(order.Id);
                }
            }
        }
    }

    private async Task<IReadOnlyList<BrokerOrder>> BrokerBookAsync()
    {
        var book = await Orders.Gateway.GetOrderBookAsync(_timeout.Token);
        Assert.True(book.IsSuccess, book.Error?.Message);
        return book.Value!;
    }
}
