using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Placements;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using KotakBlazor.TestSupport;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// The live placement path without the web host: the <see cref="PlacementDesk"/> on the
/// <see cref="OrderManager"/> (real SQLite order and placement stores in a fresh temp folder,
/// migrated as the host does), the <see cref="TradingKernel"/> deciding every order with the
/// default risk limits, and the <see cref="PaperBroker"/> filling against a NIFTY call and put
/// that tick every <see cref="TickInterval"/> (the simulated market's default). Logging is off.
/// </summary>
internal sealed class StrangleDesk : IAsyncDisposable
{
    /// <summary>How often each option ticks (the simulator's default interval).</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    public static readonly Instrument Call = Option(1, 26_200m, OptionType.Call);
    public static readonly Instrument Put = Option(2, 25_700m, OptionType.Put);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private string _folder = string.Empty;
    private ServiceProvider? _services;

    public PlacementDesk Placements { get; private set; } = null!;

    public OrderManager Orders { get; private set; } = null!;

    public PaperBroker Broker { get; private set; } = null!;

    public static async Task<StrangleDesk> StartAsync(ExecutionOptions execution, PlacementOptions placements)
    {
        var desk = new StrangleDesk();
        await desk.BuildAsync(execution, placements);
        return desk;
    }

    public async ValueTask DisposeAsync()
    {
        await Placements.DisposeAsync();
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        await Broker.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        _stop.Dispose();
    }

    private async Task BuildAsync(ExecutionOptions execution, PlacementOptions placementOptions)
    {
        _folder = Path.Combine(Path.GetTempPath(), "kotakblazor-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = _folder }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddKotakPersistence(configuration).BuildServiceProvider();
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        var catalog = new InstrumentCatalog([Call, Put]);
        var hours = new AlwaysOpenMarketHours();
        var bus = new TickBus();
        var core = new KernelCore(catalog, new KernelEventStreams(), hours, RiskLimits.Default);
        var kernel = new TradingKernel(core, bus, NullLogger<TradingKernel>.Instance);
        Broker = new PaperBroker(catalog, bus, hours, TimeProvider.System, new PaperBrokerOptions { Capital = 1_000_000_000_000m }, NullLogger<PaperBroker>.Instance);
        var gate = new KillSwitchGate();
        Orders = new OrderManager(Broker, _services.GetRequiredService<IOrderStore>(), new KernelOrderDecider(kernel, TimeProvider.System), gate, TimeProvider.System, execution,
            NullLogger<OrderManager>.Instance);
        Placements = new PlacementDesk(Orders, gate, new PlacementStore(_services.GetRequiredService<IDbContextFactory<KotakDbContext>>()), catalog, placementOptions, execution,
            TimeProvider.System, NullNotifier.Instance, NullLogger<PlacementDesk>.Instance);

        var fills = Orders.Fills.Subscribe(65_536);
        _loops.Add(Task.Run(() => kernel.RunAsync(_stop.Token)));
        await Broker.StartAsync(CancellationToken.None);
        _loops.Add(Orders.RunAsync(_stop.Token));
        _loops.Add(fills.ForEachAsync(fill => kernel.InvokeAsync(c =>
        {
            c.ApplyFill(fill);
            return true;
        }, _stop.Token), null, _stop.Token));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (bus.SubscriberCount < 2)
        {
            await Task.Delay(1);
            ThrowIfLate(deadline);
        }

        // Both options have a price in the kernel (risk checks market orders against it) and in the broker (fills).
        Publish(bus, 80m, 90m);
        while (await kernel.InvokeAsync(c => c.TickCount) < 2)
        {
            await Task.Delay(1);
            ThrowIfLate(deadline);
        }

        _loops.Add(FeedAsync(bus, _stop.Token));
    }

    private static void ThrowIfLate(DateTime deadline)
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException("The kernel did not start.");
        }
    }

    private static void Publish(TickBus bus, decimal call, decimal put)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (instrument, price) in new[] { (Call, call), (Put, put) })
        {
            var tick = new Tick(instrument.Id, price, 65, 1000, 0, price - 0.05m, price + 0.05m, price, now);
            bus.Publish(in tick);
        }
    }

    /// <summary>Both options tick every 250 ms, a few ticks either side of where they started.</summary>
    private static async Task FeedAsync(TickBus bus, CancellationToken stop)
    {
        var random = new Random(7);
        using var timer = new PeriodicTimer(TickInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Publish(bus, 80m + (0.05m * random.Next(-5, 6)), 90m + (0.05m * random.Next(-5, 6)));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private static Instrument Option(int token, decimal strike, OptionType type) => SampleOptions.Nifty08Dec(90_000 + token, strike, type);
}
