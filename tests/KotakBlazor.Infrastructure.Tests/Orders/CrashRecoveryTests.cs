using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Reconciliation;
using KotakBlazor.Infrastructure.Tests.Brokers;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Infrastructure.Tests.Orders;

/// <summary>
/// The process dies at each point of an order's way to the broker; a new process on the same
/// SQLite file and the same broker (which, like Kotak, outlives us) must end with every order
/// accounted for exactly once. The "process" is the order desk and everything in its memory:
/// the dead one is abandoned mid-call, the new one only has the database file.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly PaperMarket _market = new();
    private TestDatabase _database = null!;
    private PaperBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _database = await new TestDatabase(_market.Clock).InitializedAsync();
        _broker = _market.CreateBroker();
        _broker.OnTick(_market.Tick(PaperMarket.Reliance, 1500m, 1499.95m, 1500.05m));
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Killed_after_the_intent_is_stored_but_before_the_broker_heard_of_it()
    {
        var crashing = new CrashingGateway(_broker, CrashPoint.BeforeBroker);
        var abandoned = Desk(crashing).SubmitAsync(Buy("press-1"), CancellationToken.None);
        await crashing.Crashed;

        var restarted = await RestartAsync();

        var order = Assert.Single(restarted.Orders);
        Assert.Equal(OrderStatus.Failed, order.Status);
        Assert.Empty(await BookAsync());
        // The trader presses again (a new click on the same ticket): the key is taken, nothing new is placed...
        var again = await restarted.SubmitAsync(Buy("press-1"), CancellationToken.None);
        Assert.True(again.AlreadyPlaced);
        Assert.Empty(await BookAsync());
        // ...and the failed order is retried with its own tag: placed once.
        await restarted.RetryAsync(order.Id, "trader", CancellationToken.None);
        Assert.Equal(order.Tag, Assert.Single(await BookAsync()).Tag);
        Assert.False(abandoned.IsCompleted);
    }

    [Fact]
    public async Task Killed_after_the_broker_took_the_order_but_before_its_answer_was_stored()
    {
        var crashing = new CrashingGateway(_broker, CrashPoint.AfterBroker);
        _ = Desk(crashing).SubmitAsync(Buy("press-2"), CancellationToken.None);
        await crashing.Crashed;
        var stored = Assert.Single(await new OrderStore(_database.ContextFactory).LoadActiveAsync(CancellationToken.None));
        Assert.Equal((OrderStatus.PendingSubmit, (string?)null), (stored.Status, stored.BrokerOrderId));

        var restarted = await RestartAsync();

        var atBroker = Assert.Single(await BookAsync());
        var order = Assert.Single(restarted.Orders);
        Assert.Equal(atBroker.BrokerOrderId, order.BrokerOrderId);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(1500.05m, order.AveragePrice);
        Assert.True((await restarted.SubmitAsync(Buy("press-2"), CancellationToken.None)).AlreadyPlaced);
        Assert.Single(await BookAsync());
    }

    [Fact]
    public async Task Killed_right_after_the_acknowledgement_was_stored()
    {
        var first = Desk(_broker);
        var placed = (await first.SubmitAsync(Buy("press-3"), CancellationToken.None)).Orders.Single();
        Assert.NotNull(placed.BrokerOrderId);

        var restarted = await RestartAsync();

        var order = Assert.Single(restarted.Orders);
        Assert.Equal((placed.Id, placed.BrokerOrderId, OrderStatus.Filled), (order.Id, order.BrokerOrderId, order.Status));
        Assert.Single(await BookAsync());
        var events = await new OrderStore(_database.ContextFactory).LoadEventsAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderEventKind.Created, events[0].Kind);
        Assert.Contains(events, e => e.To == OrderStatus.Filled);
    }

    [Fact]
    public async Task A_manual_trade_injected_at_the_broker_is_detected_kept_apart_and_can_be_adopted()
    {
        var desk = Desk(_broker);
        await desk.SubmitAsync(Buy("system-buy"), CancellationToken.None);
        _broker.InjectManualTrade(PaperMarket.Reliance.Id, OrderSide.Buy, 7, 1500m, ProductType.Cnc);
        var manualStore = new ManualTradeStore(_database.ContextFactory);
        var reconciler = new Reconciler(desk, manualStore, _ => Task.FromResult(Net(desk)), _market.Clock);

        var report = await reconciler.RunAsync("reconciliation", CancellationToken.None);
        var again = await reconciler.RunAsync("reconciliation", CancellationToken.None);

        var manual = Assert.Single(report.ManualTradesFound);
        Assert.Equal((ManualTradeKind.Order, 7, ProductType.Cnc), (manual.Kind, manual.Quantity, manual.Product));
        Assert.Empty(again.ManualTradesFound);
        Assert.Equal(5, Net(desk)[(PaperMarket.Reliance.Id, ProductType.Cnc)]);

        await desk.AdoptAsync(manual, "RELIANCE-EQ", "trader", CancellationToken.None);
        await manualStore.ResolveAsync(manual.Id, ManualTradeStatus.Adopted, "trader", _market.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(12, Net(desk)[(PaperMarket.Reliance.Id, ProductType.Cnc)]);
        Assert.Empty((await reconciler.RunAsync("reconciliation", CancellationToken.None)).ManualTradesFound);
    }

    private static OrderRequest Buy(string key) =>
        new(PaperMarket.Reliance.Id, OrderSide.Buy, 5, OrderType.Market, ProductType.Cnc, null, null, OrderSource.Ticket, "trader", IdempotencyKey: key);

    private OrderManager Desk(IBrokerGateway gateway) =>
        new(gateway, new OrderStore(_database.ContextFactory), new AllowAllDecider(_market.Catalog), new KillSwitchGate(), _market.Clock,
            new ExecutionOptions { OrdersPerSecond = 0, RetryDelayMilliseconds = 0 }, NullLogger<OrderManager>.Instance);

    /// <summary>A new process: a new context factory on the same file, a desk that only knows what the file says, then start-up reconciliation.</summary>
    private async Task<OrderManager> RestartAsync()
    {
        var factory = new TestDatabase.SqliteContextFactory(_database.Options.ConnectionString);
        var desk = new OrderManager(_broker, new OrderStore(factory), new AllowAllDecider(_market.Catalog), new KillSwitchGate(), _market.Clock,
            new ExecutionOptions { OrdersPerSecond = 0, RetryDelayMilliseconds = 0 }, NullLogger<OrderManager>.Instance);
        await desk.LoadAsync(CancellationToken.None);
        await desk.ReconcileOrdersAsync((await _broker.GetOrderBookAsync(CancellationToken.None)).Value!, "reconciliation", CancellationToken.None);
        return desk;
    }

    private async Task<IReadOnlyList<BrokerOrder>> BookAsync() => (await _broker.GetOrderBookAsync(CancellationToken.None)).Value!;

    private static IReadOnlyDictionary<(InstrumentId Instrument, ProductType Product), int> Net(OrderManager desk) =>
        desk.Orders.Where(o => o.FilledQuantity > 0).GroupBy(o => (o.Instrument, o.Product))
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity));
}
