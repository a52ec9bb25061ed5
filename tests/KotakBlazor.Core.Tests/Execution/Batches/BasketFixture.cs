using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging.Abstractions;
using KotakBlazor.TestSupport;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>
/// A placement desk over a real order desk (in-memory order store, a broker that fills at once),
/// time by hand, and NIFTY options of lot 65 and freeze quantity 1,800 (27 lots).
/// </summary>
internal sealed class BasketFixture : IAsyncDisposable
{
    public static readonly Instrument Call = Option(1, 26_200m, OptionType.Call);
    public static readonly Instrument Put = Option(2, 25_700m, OptionType.Put);
    public static readonly Instrument CallWing = Option(3, 26_400m, OptionType.Call);
    public static readonly Instrument PutWing = Option(4, 25_500m, OptionType.Put);
    public static readonly Instrument CallFurther = Option(5, 26_300m, OptionType.Call);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;

    public BasketFixture(int ordersPerSecond = 0, PlacementOptions? options = null, MemoryPlacementStore? store = null, MemoryOrderStore? orders = null)
    {
        Catalog = new InstrumentCatalog([Call, Put, CallWing, PutWing, CallFurther]);
        Execution = new ExecutionOptions { OrdersPerSecond = ordersPerSecond, RetryDelayMilliseconds = 0 };
        Options = options ?? new PlacementOptions();
        Store = store ?? new MemoryPlacementStore();
        OrderStore = orders ?? new MemoryOrderStore();
        Broker.Prices[Call.Id] = 80m;
        Broker.Prices[Put.Id] = 90m;
        Broker.Prices[CallWing.Id] = 30m;
        Broker.Prices[PutWing.Id] = 35m;
        Broker.Prices[CallFurther.Id] = 50m;
        Orders = new OrderManager(Broker, OrderStore, new AllowAll(Catalog), Gate, Clock, Execution, NullLogger<OrderManager>.Instance);
        Desk = NewDesk();
        _listening = Orders.RunAsync(_stop.Token);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));

    public FillingBroker Broker { get; } = new();

    public KillSwitchGate Gate { get; } = new();

    public InstrumentCatalog Catalog { get; }

    public ExecutionOptions Execution { get; }

    public PlacementOptions Options { get; }

    public MemoryPlacementStore Store { get; }

    public MemoryOrderStore OrderStore { get; }

    public RecordingNotifier Notifier { get; } = new();

    public OrderManager Orders { get; }

    public PlacementDesk Desk { get; }

    /// <summary>A second desk on the same stores and order desk: the placement side after a restart.</summary>
    public PlacementDesk NewDesk() => new(Orders, Gate, Store, Catalog, Options, Execution, Clock, Notifier, NullLogger<PlacementDesk>.Instance);

    public static PlacementDraft Strangle(int lots, Guid? id = null, int lotsPerBatch = 0) =>
        new(id ?? Guid.NewGuid(), "NIFTY short strangle", "NIFTY", Call.Expiry, ProductType.Nrml,
            [new DraftLeg(Call.Id, OrderSide.Sell, lots), new DraftLeg(Put.Id, OrderSide.Sell, lots)], lotsPerBatch);

    public static PlacementDraft Condor(int lots) =>
        new(Guid.NewGuid(), "NIFTY iron condor", "NIFTY", Call.Expiry, ProductType.Nrml,
        [
            new DraftLeg(CallWing.Id, OrderSide.Buy, lots),
            new DraftLeg(Call.Id, OrderSide.Sell, lots),
            new DraftLeg(Put.Id, OrderSide.Sell, lots),
            new DraftLeg(PutWing.Id, OrderSide.Buy, lots),
        ]);

    /// <summary>Executes and waits until the batches stop running.</summary>
    public async Task<Placement> RunAsync(PlacementDraft draft)
    {
        var result = await Desk.ExecuteAsync(draft, "asha", CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        await Desk.WhenIdleAsync(draft.Id);
        return Desk.Find(draft.Id)!;
    }

    public async Task<Placement> AfterAsync(Task<PlacementResult> command, PlacementDesk? desk = null)
    {
        var result = await command;
        Assert.True(result.Succeeded, result.Message);
        await (desk ?? Desk).WhenIdleAsync(result.Placement!.Id);
        return (desk ?? Desk).Find(result.Placement.Id)!;
    }

    public async ValueTask DisposeAsync()
    {
        await Desk.DisposeAsync();
        await _stop.CancelAsync();
        await _listening;
        _stop.Dispose();
    }

    private static Instrument Option(int token, decimal strike, OptionType type) => SampleOptions.Nifty08Dec(70_000 + token, strike, type);

    /// <summary>Allows every order, sliced within the freeze quantity as the kernel would.</summary>
    private sealed class AllowAll(IInstrumentCatalog catalog) : IOrderDecider
    {
        public Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            catalog.TryGet(request.Instrument, out var instrument);
            return Task.FromResult(new OrderDecision(true, instrument, [], OrderSlicer.Slice(request.Quantity, instrument.LotSize, instrument.FreezeQuantity), 100m));
        }
    }

    /// <summary>Keeps every notification.</summary>
    internal sealed class RecordingNotifier : INotifier
    {
        private readonly List<Notification> _sent = [];

        public IReadOnlyList<Notification> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add(notification);
            }

            return ValueTask.CompletedTask;
        }
    }
}
