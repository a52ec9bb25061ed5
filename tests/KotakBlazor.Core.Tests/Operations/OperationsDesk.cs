using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Tests.Execution;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>
/// The order desk over the scripted broker (which can go down), reconciliation, and the six real
/// end-of-day steps with in-memory stores. The desk does not listen to the broker's pushes, so a
/// fill at the broker is only seen by a status check: a lost push.
/// </summary>
internal sealed class OperationsDesk
{
    public static readonly DateOnly Today = new(2026, 12, 4);

    public OperationsDesk()
    {
        Gateway = new OutageGateway(Fixture.Broker);
        Orders = new OrderManager(Gateway, Fixture.Store, Fixture.Decider, Fixture.Gate, Fixture.Clock, Fixture.Options, Fixture.Log);
        Reconciler = new Reconciler(Orders, ManualTrades, _ => Task.FromResult(SystemNet()), Fixture.Clock);
        Statistics = new FixedStatisticsSource(day => new DayStatistics(day, 2, 1, 1, 50m, 725.50m, 1000m, -274.50m, 3.64m, 274.50m, 3, 2, 0, 1, Clock.GetUtcNow()));
        Steps =
        [
            new FinalOrderVerificationStep(Orders),
            new ManualTradeReconciliationStep(Reconciler),
            new StaleOrderStep(Orders, Clock),
            new DayStatisticsStep(Statistics, DayStore),
            new SummaryNotificationStep(DayStore, Notifier, Clock),
            new ArchiveAndBackupStep(ArchiveAndBackup, ArchiveAndBackup, Clock),
        ];
        Cleanup = new EndOfDayCleanup(Steps, Runs, Clock, new RecordingLogger<EndOfDayCleanup>());
    }

    public DeskFixture Fixture { get; } = new();

    public ManualClock Clock => Fixture.Clock;

    public ScriptedBroker Broker => Fixture.Broker;

    public OutageGateway Gateway { get; }

    public OrderManager Orders { get; }

    public MemoryManualTradeStore ManualTrades { get; } = new();

    public Reconciler Reconciler { get; }

    public FixedStatisticsSource Statistics { get; }

    public MemoryDayStatisticsStore DayStore { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public RecordingArchiveAndBackup ArchiveAndBackup { get; } = new();

    public MemoryRunStore Runs { get; } = new();

    public IReadOnlyList<IEndOfDayStep> Steps { get; }

    public EndOfDayCleanup Cleanup { get; }

    public static EndOfDayContext Context(string actor = "admin") => new(Guid.NewGuid(), Today, IndianMarketTime.AtIst(Today, new TimeOnly(15, 45)), actor);

    /// <summary>A limit buy the broker holds open.</summary>
    public async Task<Order> OpenOrderAsync(int quantity = 65)
    {
        var request = DeskFixture.Buy(quantity) with { Type = OrderType.Limit, LimitPrice = 100m };
        var outcome = await Orders.SubmitAsync(request, CancellationToken.None);
        var order = Assert.Single(outcome.Orders);
        Assert.Equal(OrderStatus.Open, order.Status);
        return order;
    }

    /// <summary>A manual NIFTY call bought in the broker's app, filled.</summary>
    public Brokers.BrokerOrder AddManualBuy(string brokerOrderId, int quantity) =>
        Broker.AddManual(new Brokers.BrokerOrder(brokerOrderId, null, DeskFixture.Nifty.Id, DeskFixture.Nifty.TradingSymbol, OrderSide.Buy, OrderType.Market,
            ProductType.Nrml, quantity, quantity, 0m, 0m, 101m, OrderStatus.Filled, "complete", null, Clock.GetUtcNow()));

    private IReadOnlyDictionary<(InstrumentId Instrument, ProductType Product), int> SystemNet() =>
        Orders.Orders.Where(o => o.FilledQuantity > 0)
            .GroupBy(o => (o.Instrument, o.Product))
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity));
}
