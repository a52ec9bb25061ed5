using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Execution;

/// <summary>An order desk over a scripted broker and an in-memory store, with time by hand.</summary>
internal sealed class DeskFixture
{
    public static readonly Instrument Nifty = new(new InstrumentId(ExchangeSegment.NseFo, 43123), "NIFTY26D0826000CE", "NIFTY", "NIFTY 08 Dec 26000 CE",
        InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, new DateOnly(2026, 12, 8), 26000m, OptionType.Call);

    public static readonly Instrument NiftyPut = Nifty with { Id = new InstrumentId(ExchangeSegment.NseFo, 43124), TradingSymbol = "NIFTY26D0826000PE", OptionType = OptionType.Put };

    public DeskFixture(int ordersPerSecond = 0, Func<OrderRequest, OrderDecision>? decide = null)
    {
        Decider = new ScriptedDecider(decide ?? (request => new OrderDecision(true, Catalog.TryGet(request.Instrument, out var i) ? i : null, [], [request.Quantity], 100m)));
        Options = new ExecutionOptions { OrdersPerSecond = ordersPerSecond, RetryDelayMilliseconds = 0, LegFillTimeoutSeconds = 5 };
        Manager = NewManager();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));

    public ScriptedBroker Broker { get; } = new();

    public MemoryOrderStore Store { get; } = new();

    public KillSwitchGate Gate { get; } = new();

    public InstrumentCatalog Catalog { get; } = new([Nifty, NiftyPut]);

    public ExecutionOptions Options { get; }

    public ScriptedDecider Decider { get; }

    public OrderManager Manager { get; }

    public RecordingLogger<OrderManager> Log { get; } = new();

    /// <summary>A second desk on the same store and broker: the process after a restart.</summary>
    public OrderManager NewManager() => new(Broker, Store, Decider, Gate, Clock, Options, Log);

    public static OrderRequest Buy(int quantity = 65, string? key = null, OrderSource source = OrderSource.Ticket, OrderPurpose purpose = OrderPurpose.Entry, Instrument? instrument = null) =>
        new((instrument ?? Nifty).Id, OrderSide.Buy, quantity, OrderType.Market, ProductType.Nrml, null, null, source, "trader", purpose, IdempotencyKey: key);

    public static OrderRequest Sell(int quantity = 65, Instrument? instrument = null, OrderPurpose purpose = OrderPurpose.Entry) =>
        new((instrument ?? Nifty).Id, OrderSide.Sell, quantity, OrderType.Market, ProductType.Nrml, null, null, OrderSource.Ticket, "trader", purpose);

    internal sealed class ScriptedDecider(Func<OrderRequest, OrderDecision> decide) : IOrderDecider
    {
        private int _calls;

        public int Calls => _calls;

        public Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(decide(request));
        }
    }
}
