using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution;

public sealed class RecoveryAndGroupTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task After_a_restart_an_intent_the_broker_took_is_adopted_and_one_it_never_saw_fails()
    {
        var desk = new DeskFixture();
        // First life: two intents stored; the broker took the first (answer lost in the crash), never saw the second.
        var taken = Intent("KBTAKEN", desk);
        var lost = Intent("KBLOST", desk);
        await desk.Store.InsertAsync(taken, Created(taken), None);
        await desk.Store.InsertAsync(lost, Created(lost), None);
        desk.Broker.AddManual(new BrokerOrder("777", "KBTAKEN", taken.Instrument, taken.TradingSymbol, OrderSide.Buy, OrderType.Market, ProductType.Nrml,
            65, 65, 0m, 0m, 99.5m, OrderStatus.Filled, "complete", null, desk.Clock.GetUtcNow()));

        // Second life.
        var restarted = desk.NewManager();
        await restarted.LoadAsync(None);
        var foreign = await restarted.ReconcileOrdersAsync(desk.Broker.Book, "reconciliation", None);

        Assert.Empty(foreign);
        var adopted = restarted.Find(taken.Id)!;
        Assert.Equal(("777", OrderStatus.Filled, 65), (adopted.BrokerOrderId, adopted.Status, adopted.FilledQuantity));
        Assert.NotNull(adopted.LastStatusCheck);
        var failed = restarted.Find(lost.Id)!;
        Assert.Equal(OrderStatus.Failed, failed.Status);
        Assert.Equal(0, desk.Broker.PlaceCalls);

        await restarted.RetryAsync(lost.Id, "trader", None);
        Assert.Equal(2, desk.Broker.Book.Count);
        Assert.Equal(1, desk.Broker.PlaceCalls);
    }

    [Fact]
    public async Task Rows_without_our_tag_are_returned_as_manual()
    {
        var desk = new DeskFixture();
        var manual = desk.Broker.AddManual(new BrokerOrder("555", null, DeskFixture.Nifty.Id, DeskFixture.Nifty.TradingSymbol, OrderSide.Sell, OrderType.Market,
            ProductType.Nrml, 65, 65, 0m, 0m, 80m, OrderStatus.Filled, "complete", null, desk.Clock.GetUtcNow()));

        var foreign = await desk.Manager.ReconcileOrdersAsync(desk.Broker.Book, "reconciliation", None);

        Assert.Equal(manual, Assert.Single(foreign));
    }

    [Fact]
    public async Task An_order_placed_after_the_book_was_read_is_left_for_the_next_run_not_cancelled_as_expired()
    {
        var desk = new DeskFixture();
        var readAt = desk.Clock.GetUtcNow();
        var book = desk.Broker.Book;
        desk.Clock.Advance(TimeSpan.FromMilliseconds(5));
        var order = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();

        await desk.Manager.ReconcileOrdersAsync(book, "reconciliation", None, readAt);
        Assert.Equal(OrderStatus.Open, desk.Manager.Find(order.Id)!.Status);

        // A book read after the order was placed that lacks it: the order really is gone.
        desk.Clock.Advance(TimeSpan.FromMilliseconds(5));
        await desk.Manager.ReconcileOrdersAsync(book, "reconciliation", None, desk.Clock.GetUtcNow());
        Assert.Equal(OrderStatus.Cancelled, desk.Manager.Find(order.Id)!.Status);
    }

    [Fact]
    public async Task A_group_places_hedges_first_and_unwinds_them_when_a_short_leg_is_rejected()
    {
        var desk = new DeskFixture();
        using var changes = desk.Manager.Changes.Subscribe(4096);
        var listening = Task.Run(async () =>
        {
            // The broker fills hedges and rejects the short leg, as its pushes would.
            await foreach (var order in changes.Reader.ReadAllAsync())
            {
                if (order.Status == OrderStatus.Open && order.BrokerOrderId is { } id)
                {
                    var row = order.Side == OrderSide.Buy ? desk.Broker.Fill(id, 50m, desk.Clock.GetUtcNow()) : desk.Broker.Reject(id, "RMS: margin exceeds");
                    await desk.Manager.ApplyBrokerOrderAsync(row, "broker", false, None);
                }
            }
        });
        var executor = new OrderGroupExecutor(desk.Manager, desk.Options);

        var report = await executor.PlaceAsync([DeskFixture.Sell(65, DeskFixture.NiftyPut), DeskFixture.Buy(65)], None);

        Assert.False(report.Succeeded);
        Assert.Equal([OrderSide.Buy, OrderSide.Sell], report.Legs.Select(l => l.Request.Side));
        Assert.Equal([LegStatus.Unwound, LegStatus.Failed], report.Legs.Select(l => l.Status));
        Assert.Contains("RMS: margin exceeds", report.Failure, StringComparison.Ordinal);
        var unwind = Assert.Single(report.Legs[0].Unwinds);
        Assert.Equal((OrderSide.Sell, 65, OrderPurpose.Unwind, OrderSource.System), (unwind.Side, unwind.Quantity, unwind.Purpose, unwind.Source));
        Assert.All(desk.Store.All, o => Assert.Equal(report.GroupId, o.GroupId));
        Assert.Equal(3, desk.Broker.Book.Count);
    }

    [Fact]
    public async Task A_refused_first_leg_places_nothing()
    {
        var desk = new DeskFixture(decide: r => r.Side == OrderSide.Buy
            ? OrderDecision.Refuse(DeskFixture.Nifty, "Kill switch is tripped")
            : new OrderDecision(true, DeskFixture.NiftyPut, [], [r.Quantity], 50m));

        var report = await new OrderGroupExecutor(desk.Manager, desk.Options).PlaceAsync([DeskFixture.Sell(65, DeskFixture.NiftyPut), DeskFixture.Buy(65)], None);

        Assert.Equal([LegStatus.Refused, LegStatus.NotSent], report.Legs.Select(l => l.Status));
        Assert.Empty(desk.Broker.Book);
    }

    private static Order Intent(string tag, DeskFixture desk) => new()
    {
        Id = Guid.NewGuid(),
        Tag = tag,
        Instrument = DeskFixture.Nifty.Id,
        TradingSymbol = DeskFixture.Nifty.TradingSymbol,
        Side = OrderSide.Buy,
        Quantity = 65,
        Type = OrderType.Market,
        Product = ProductType.Nrml,
        Status = OrderStatus.PendingSubmit,
        Source = OrderSource.Ticket,
        RequestedBy = "trader",
        PlacedAt = desk.Clock.GetUtcNow(),
        UpdatedAt = desk.Clock.GetUtcNow(),
    };

    private static OrderEvent Created(Order order) => new(order.Id, order.PlacedAt, OrderEventKind.Created, null, OrderStatus.PendingSubmit, "intent", "trader");
}
