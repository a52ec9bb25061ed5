using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.Paper;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// The live order path of the web host, without the web host: the <see cref="TradingKernel"/>
/// loop deciding orders (<see cref="KernelOrderDecider"/>), the <see cref="OrderManager"/> with its
/// broker listeners, the real order store on a SQLite file in a fresh temp folder
/// (<see cref="DeskDatabase"/>), the <see cref="PaperBroker"/> matching on the tick bus, and fills pumped back into the
/// kernel's positions as the host's TradingService does. A background feed publishes
/// <see cref="TicksPerSecond"/> ticks a second of the 40 stocks, so the kernel and the broker
/// work on ticks while orders go through. Logging is off (null loggers).
/// </summary>
internal sealed class PaperDesk : IAsyncDisposable
{
    public const int TicksPerSecond = 500;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private DeskDatabase? _database;

    private PaperDesk(SyntheticMarket market)
    {
        Market = market;
        Stocks = [.. market.Catalog.All.Where(i => i.Type == InstrumentType.Equity)];
    }

    public SyntheticMarket Market { get; }

    public Instrument[] Stocks { get; }

    public OrderManager Orders { get; private set; } = null!;

    public TradingKernel Kernel { get; private set; } = null!;

    public PaperBroker Broker { get; private set; } = null!;

    /// <summary>journal_mode and synchronous as a store connection sees them.</summary>
    public string Pragmas => _database?.Pragmas ?? string.Empty;

    public static async Task<PaperDesk> StartAsync(DeskSetup setup)
    {
        var desk = new PaperDesk(new SyntheticMarket());
        await desk.BuildAsync(setup);
        return desk;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        await Broker.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task BuildAsync(DeskSetup setup)
    {
        _database = await DeskDatabase.CreateAsync(setup.FsyncIntents);
        var store = _database.Store;

        var catalog = Market.Catalog;
        var hours = new AlwaysOpenMarketHours();
        var bus = new TickBus();
        var core = new KernelCore(catalog, new KernelEventStreams(), hours, setup.Limits);
        Kernel = new TradingKernel(core, bus, NullLogger<TradingKernel>.Instance);
        Broker = new PaperBroker(catalog, bus, hours, TimeProvider.System, new PaperBrokerOptions { Capital = 1_000_000_000_000m }, NullLogger<PaperBroker>.Instance);
        IOrderDecider decider = new KernelOrderDecider(Kernel, TimeProvider.System);
        IBrokerGateway gateway = Broker;
        if (setup.Probes is { } probes)
        {
            decider = new TimedDecider(decider, probes.Decide);
            store = new TimedOrderStore(store, probes);
            gateway = new TimedGateway(gateway, probes.Place);
        }

        Orders = new OrderManager(gateway, store, decider, new KillSwitchGate(), TimeProvider.System, setup.Execution, NullLogger<OrderManager>.Instance);
        var fills = Orders.Fills.Subscribe(65_536);
        _loops.Add(Task.Run(() => Kernel.RunAsync(_stop.Token)));
        await Broker.StartAsync(CancellationToken.None);
        _loops.Add(Orders.RunAsync(_stop.Token));
        _loops.Add(PumpFillsAsync(fills, _stop.Token));

        // The kernel subscribes to the bus when its loop starts: ticks published before that would never reach it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (bus.SubscriberCount < 2)
        {
            await Task.Delay(1);
            ThrowIfLate(deadline, "the kernel to subscribe to the tick bus");
        }

        // Every instrument has a price before the first order, in the kernel (for the risk checks) and in the broker (to fill market orders).
        var prices = Stocks.ToDictionary(s => s.Id, s => 500m + (10m * Array.IndexOf(Stocks, s)));
        var opening = DateTimeOffset.UtcNow;
        foreach (var (id, price) in prices)
        {
            var tick = StockTick(id, price, opening);
            Broker.OnTick(in tick);
            bus.Publish(in tick);
        }

        while (await Kernel.InvokeAsync(c => c.TickCount) < prices.Count)
        {
            await Task.Delay(1);
            ThrowIfLate(deadline, "the kernel to see the opening prices");
        }

        _loops.Add(FeedAsync(bus, prices, _stop.Token));
    }

    private static void ThrowIfLate(DateTime deadline, string what)
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"Gave up waiting for {what}.");
        }
    }

    private static Tick StockTick(InstrumentId id, decimal price, DateTimeOffset time) =>
        new(id, price, 10, 0, 0, price - 0.05m, price + 0.05m, price, time);

    /// <summary>Ticks of the 40 stocks at <see cref="TicksPerSecond"/>, prices wandering a few ticks around where they started.</summary>
    private async Task FeedAsync(TickBus bus, Dictionary<InstrumentId, decimal> prices, CancellationToken stop)
    {
        var random = new Random(5);
        var ids = prices.Keys.ToArray();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < TicksPerSecond / 100; i++)
                {
                    var id = ids[random.Next(ids.Length)];
                    var price = prices[id] + (0.05m * random.Next(-3, 4));
                    var tick = StockTick(id, price, now);
                    bus.Publish(in tick);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task PumpFillsAsync(Core.Messaging.EventStream<Fill>.Subscription fills, CancellationToken stop)
    {
        using (fills)
        {
            try
            {
                await foreach (var fill in fills.Reader.ReadAllAsync(stop))
                {
                    await Kernel.InvokeAsync(core =>
                    {
                        core.ApplyFill(fill);
                        return true;
                    }, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped.
            }
        }
    }
}
