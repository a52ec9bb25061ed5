using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Placements;
using KotakBlazor.Infrastructure.Tests.Brokers;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Infrastructure.Tests.Placements;

/// <summary>
/// The process dies in the middle of a 100-lot strangle, while batch 3's call is on its way to the
/// paper broker (before the broker heard of it, or after it took it but before the answer came
/// back). A new process on the same SQLite file and the same broker stops the placement and asks;
/// resuming it finishes the strangle with exactly one order per planned slice at the broker.
/// </summary>
public sealed class PlacementRestartTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new(PaperMarket.MondayIst(10, 0));
    private readonly InstrumentCatalog _catalog = PlacementSamples.Catalog;
    private TestDatabase _database = null!;
    private PaperBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _database = await new TestDatabase(_clock).InitializedAsync();
        _broker = new PaperBroker(_catalog, new TickBus(), new NseMarketHours(), _clock, new PaperBrokerOptions { Capital = 1_000_000_000m }, NullLogger<PaperBroker>.Instance);
        _broker.OnTick(Quote(PlacementSamples.Call, 80m));
        _broker.OnTick(Quote(PlacementSamples.Put, 90m));
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(CrashPoint.BeforeBroker)]
    [InlineData(CrashPoint.AfterBroker)]
    public async Task A_restart_mid_placement_never_places_a_batch_twice(CrashPoint point)
    {
        var draft = PlacementSamples.Strangle(100);
        var crashing = new CrashingGateway(_broker, point, crashOnOrder: 5, forwardPushes: true);
        using (var stop = new CancellationTokenSource())
        {
            var firstLife = Desks(new OrderStore(_database.ContextFactory), crashing);
            var listening = firstLife.Orders.RunAsync(stop.Token);
            await firstLife.Placements.ExecuteAsync(draft, "asha", None);
            await crashing.Crashed;
            // The process is gone: its calls never return and it writes nothing more.
            await firstLife.Placements.DisposeAsync();
            await stop.CancelAsync();
            await listening;
        }

        Assert.Equal(point == CrashPoint.AfterBroker ? 5 : 4, await BrokerOrderCountAsync());

        // Second life: only the SQLite file and the broker.
        var factory = new TestDatabase.SqliteContextFactory(_database.Options.ConnectionString);
        var secondLife = Desks(new OrderStore(factory), _broker);
        using var stopSecond = new CancellationTokenSource();
        var listeningAgain = secondLife.Orders.RunAsync(stopSecond.Token);
        await secondLife.Orders.LoadAsync(None);
        await secondLife.Orders.ReconcileOrdersAsync((await _broker.GetOrderBookAsync(None)).Value!, "reconciliation", None);
        await secondLife.Placements.LoadAsync(None);

        var stopped = secondLife.Placements.Find(draft.Id)!;
        Assert.Equal(PlacementStatus.Stopped, stopped.Status);
        Assert.StartsWith("The app restarted while this was being placed", stopped.StopReason, StringComparison.Ordinal);
        // The call of batch 3 never had its link stored; the restart found it by its key.
        Assert.Equal(5, stopped.Orders.Count(o => o.IsSent));
        var stored = (await new PlacementStore(factory).FindAsync(draft.Id, None))!;
        Assert.Equal((stopped.Status, stopped.StopReason), (stored.Status, stored.StopReason));
        Assert.Equal(stopped.Orders, stored.Orders);

        var resumed = await secondLife.Placements.ResumeAsync(draft.Id, "asha", None);
        Assert.True(resumed.Succeeded, resumed.Message);
        await secondLife.Placements.WhenIdleAsync(draft.Id);

        var done = secondLife.Placements.Find(draft.Id)!;
        Assert.Equal(PlacementStatus.Completed, done.Status);
        var book = (await _broker.GetOrderBookAsync(None)).Value!;
        Assert.Equal(10, book.Count);
        Assert.All(book, o => Assert.Equal((OrderStatus.Filled, 1300), (o.Status, o.Quantity)));
        Assert.Equal(10, book.Select(o => o.Tag).Distinct().Count());
        Assert.Equal(done.Orders.Select(o => o.BrokerOrderId).Order(), book.Select(o => (string?)o.BrokerOrderId).Order());
        var storedAtEnd = (await new PlacementStore(factory).FindAsync(draft.Id, None))!;
        Assert.Equal(PlacementStatus.Completed, storedAtEnd.Status);
        Assert.Equal(done.Orders, storedAtEnd.Orders);

        await secondLife.Placements.DisposeAsync();
        await stopSecond.CancelAsync();
        await listeningAgain;
    }

    private (OrderManager Orders, PlacementDesk Placements) Desks(IOrderStore store, IBrokerGateway gateway)
    {
        var execution = new ExecutionOptions { OrdersPerSecond = 0, RetryDelayMilliseconds = 0 };
        var gate = new KillSwitchGate();
        var orders = new OrderManager(gateway, store, new AllowAllDecider(_catalog, 80m), gate, _clock, execution, NullLogger<OrderManager>.Instance);
        var placements = new PlacementDesk(orders, gate, new PlacementStore(_database.ContextFactory), _catalog, new PlacementOptions(), execution, _clock,
            NullNotifier.Instance, NullLogger<PlacementDesk>.Instance);
        return (orders, placements);
    }

    private async Task<int> BrokerOrderCountAsync() => (await _broker.GetOrderBookAsync(None)).Value!.Count;

    private Tick Quote(Instrument instrument, decimal price) => new(instrument.Id, price, 65, 1000, 0, price - 0.05m, price + 0.05m, price, _clock.GetUtcNow());
}
