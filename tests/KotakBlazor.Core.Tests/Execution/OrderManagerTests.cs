using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;

namespace KotakBlazor.Core.Tests.Execution;

public sealed class OrderManagerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_intent_is_stored_before_the_broker_hears_of_it()
    {
        var desk = new DeskFixture();
        Order? seenAtPlace = null;
        desk.Broker.OnPlace = request => seenAtPlace = desk.Store.All.Single(o => o.Tag == request.Tag);

        var outcome = await desk.Manager.SubmitAsync(DeskFixture.Buy(), None);

        Assert.NotNull(seenAtPlace);
        Assert.Equal(OrderStatus.PendingSubmit, seenAtPlace.Status);
        Assert.Null(seenAtPlace.BrokerOrderId);
        var order = Assert.Single(outcome.Orders);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal("1000", order.BrokerOrderId);
        Assert.Equal(order, desk.Store.All.Single());
        Assert.Equal([OrderEventKind.Created, OrderEventKind.StatusChanged], desk.Store.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_places_nothing()
    {
        var desk = new DeskFixture(decide: _ => OrderDecision.Refuse(DeskFixture.Nifty, "Quantity 70 is not a multiple of the lot size 65"));

        var outcome = await desk.Manager.SubmitAsync(DeskFixture.Buy(70), None);

        Assert.False(outcome.Accepted);
        Assert.Contains("lot size 65", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(desk.Store.All);
        Assert.Equal(0, desk.Broker.PlaceCalls);
    }

    [Fact]
    public async Task A_broker_refusal_rejects_the_order_with_the_brokers_reason()
    {
        var desk = new DeskFixture();
        desk.Broker.RefuseWith = "Insufficient balance (1004)";

        var outcome = await desk.Manager.SubmitAsync(DeskFixture.Buy(), None);

        var order = Assert.Single(outcome.Orders);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal("Insufficient balance (1004)", order.Reason);
        Assert.Equal(desk.Clock.GetUtcNow(), order.FirstFailedAt);
        Assert.Contains("Insufficient balance", outcome.Problems.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_that_never_reached_the_broker_is_retried_and_counted()
    {
        var desk = new DeskFixture();
        desk.Broker.FailNext(BrokerErrorKind.Unreachable, times: 2);

        var outcome = await desk.Manager.SubmitAsync(DeskFixture.Buy(), None);

        var order = Assert.Single(outcome.Orders);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(2, order.RetryCount);
        Assert.NotNull(order.LastRetryAt);
        Assert.NotNull(order.FirstFailedAt);
        Assert.Single(desk.Broker.Book);
        Assert.Equal(3, desk.Broker.PlaceCalls);
    }

    [Fact]
    public async Task Retries_give_up_as_failed_after_the_limit()
    {
        var desk = new DeskFixture();
        desk.Broker.FailNext(BrokerErrorKind.Unreachable, times: 10);

        var order = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();

        Assert.Equal(OrderStatus.Failed, order.Status);
        Assert.Equal(desk.Options.MaxRetries + 1, desk.Broker.PlaceCalls);
        Assert.Contains("Not sent after 4 tries", order.Reason, StringComparison.Ordinal);
        Assert.Empty(desk.Broker.Book);
    }

    [Fact]
    public async Task A_lost_acknowledgement_is_resolved_by_tag_without_a_second_order()
    {
        var desk = new DeskFixture();
        desk.Broker.FailNext(BrokerErrorKind.Unknown);

        var order = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();

        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(desk.Broker.Book.Single().BrokerOrderId, order.BrokerOrderId);
        Assert.Equal(1, desk.Broker.PlaceCalls);
    }

    [Fact]
    public async Task A_failed_order_retried_by_hand_goes_once_with_the_same_tag()
    {
        var desk = new DeskFixture();
        desk.Broker.FailNext(BrokerErrorKind.Unreachable, times: 4);
        var failed = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();

        var retried = await desk.Manager.RetryAsync(failed.Id, "trader", None);
        var again = await desk.Manager.RetryAsync(failed.Id, "trader", None);

        Assert.Equal(OrderStatus.Open, retried.Orders.Single().Status);
        Assert.Equal(failed.Tag, desk.Broker.Book.Single().Tag);
        Assert.False(again.Accepted);
    }

    [Fact]
    public async Task A_tripped_gate_stops_every_order_but_the_systems_own_unwinds()
    {
        var desk = new DeskFixture();
        desk.Gate.SetTripped(true);

        var blocked = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();
        var unwind = (await desk.Manager.SubmitAsync(DeskFixture.Buy(source: OrderSource.System, purpose: OrderPurpose.Unwind), None)).Orders.Single();

        Assert.Equal(OrderStatus.Failed, blocked.Status);
        Assert.Contains("kill switch", blocked.Reason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Open, unwind.Status);
        Assert.Equal(unwind.Tag, desk.Broker.Book.Single().Tag);
    }

    [Fact]
    public async Task The_same_idempotency_key_places_once_even_when_sent_together()
    {
        var desk = new DeskFixture();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => desk.Manager.SubmitAsync(DeskFixture.Buy(key: "press-1"), None))));

        Assert.Single(desk.Broker.Book);
        Assert.Single(desk.Store.All);
        Assert.All(outcomes, o => Assert.Equal(desk.Store.All.Single().Id, o.Orders.Single().Id));
        Assert.Equal(7, outcomes.Count(o => o.AlreadyPlaced));
    }

    [Fact]
    public async Task A_backward_move_from_the_broker_is_refused_and_logged()
    {
        var desk = new DeskFixture();
        var order = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();
        var filled = desk.Broker.Fill(order.BrokerOrderId!, 101.5m, desk.Clock.GetUtcNow());
        await desk.Manager.ApplyBrokerOrderAsync(filled, "broker", statusCheck: false, None);

        await desk.Manager.ApplyBrokerOrderAsync(filled with { Status = OrderStatus.Open, BrokerStatus = "open" }, "broker", statusCheck: false, None);

        var now = desk.Manager.Find(order.Id)!;
        Assert.Equal(OrderStatus.Filled, now.Status);
        Assert.Equal(101.5m, now.AveragePrice);
        Assert.Equal(65, now.FilledQuantity);
        Assert.Contains(desk.Store.Events, e => e.Kind == OrderEventKind.IllegalTransitionRefused && e.To == OrderStatus.Open);
        Assert.Contains(desk.Log.Entries, e => e.Message.Contains("kept Filled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trade_is_recorded_once_and_attributed()
    {
        var desk = new DeskFixture();
        using var fills = desk.Manager.Fills.Subscribe();
        var order = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();
        var trade = new BrokerTrade("T1", order.BrokerOrderId!, order.Tag, order.Instrument, order.TradingSymbol, OrderSide.Buy, ProductType.Nrml, 65, 100.25m, desk.Clock.GetUtcNow());

        Assert.True(await desk.Manager.ApplyBrokerTradeAsync(trade, None));
        Assert.True(await desk.Manager.ApplyBrokerTradeAsync(trade, None));
        Assert.False(await desk.Manager.ApplyBrokerTradeAsync(trade with { TradeId = "T9", BrokerOrderId = "999", Tag = null }, None));

        var fill = Assert.Single(desk.Store.AllFills);
        Assert.Equal(order.Id, fill.OrderId);
        Assert.Equal(100.25m, fill.Price);
        Assert.True(fills.Reader.TryRead(out var published));
        Assert.Equal("T1", published.TradeId);
        Assert.False(fills.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_flattening_fill_closes_only_the_entries_of_its_own_strategy_instrument_and_product()
    {
        var desk = new DeskFixture();
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        async Task<Order> FilledAsync(OrderRequest request)
        {
            var order = (await desk.Manager.SubmitAsync(request, None)).Orders.Single();
            await desk.Manager.ApplyBrokerOrderAsync(desk.Broker.Fill(order.BrokerOrderId!, 100m, desk.Clock.GetUtcNow()), "broker", false, None);
            return order;
        }

        var entry = await FilledAsync(DeskFixture.Buy() with { StrategyId = mine });
        var otherStrategy = await FilledAsync(DeskFixture.Buy() with { StrategyId = theirs });
        var otherProduct = await FilledAsync(DeskFixture.Buy() with { StrategyId = mine, Product = ProductType.Mis });
        var otherInstrument = await FilledAsync(DeskFixture.Buy(instrument: DeskFixture.NiftyPut) with { StrategyId = mine });
        await FilledAsync(DeskFixture.Sell(purpose: OrderPurpose.Exit) with { StrategyId = mine });

        Assert.Equal(PositionState.Closed, desk.Manager.Find(entry.Id)!.Position);
        Assert.All([otherStrategy, otherProduct, otherInstrument], o => Assert.Equal(PositionState.Ongoing, desk.Manager.Find(o.Id)!.Position));
    }

    [Fact]
    public async Task The_sell_that_flattens_a_position_closes_the_buy_that_opened_it()
    {
        var desk = new DeskFixture();
        var entry = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();
        await desk.Manager.ApplyBrokerOrderAsync(desk.Broker.Fill(entry.BrokerOrderId!, 100m, desk.Clock.GetUtcNow()), "broker", false, None);
        Assert.Equal(PositionState.Ongoing, desk.Manager.Find(entry.Id)!.Position);

        desk.Clock.Advance(TimeSpan.FromMinutes(5));
        var exit = (await desk.Manager.SubmitAsync(DeskFixture.Sell(purpose: OrderPurpose.Exit), None)).Orders.Single();
        await desk.Manager.ApplyBrokerOrderAsync(desk.Broker.Fill(exit.BrokerOrderId!, 110m, desk.Clock.GetUtcNow()), "broker", false, None);

        var closed = desk.Manager.Find(entry.Id)!;
        Assert.Equal(PositionState.Closed, closed.Position);
        Assert.Equal(desk.Clock.GetUtcNow(), closed.ClosedAt);
        Assert.Equal(PositionState.None, desk.Manager.Find(exit.Id)!.Position);
        // The exit's fill and the entry it closes are one write: a crash cannot keep one without the other.
        Assert.Equal([exit.Id, entry.Id], desk.Store.Writes[^1]);
    }

    [Fact]
    public async Task An_adopted_manual_order_is_not_filled_again_by_the_broker_s_trade_book()
    {
        var desk = new DeskFixture();
        var manual = new ManualTrade(Guid.NewGuid(), ManualTradeKind.Order, DeskFixture.Nifty.Id, DeskFixture.Nifty.TradingSymbol, ProductType.Nrml,
            65, 100m, "BRK-MANUAL-1", desk.Clock.GetUtcNow());
        var adopted = await desk.Manager.AdoptAsync(manual, DeskFixture.Nifty.TradingSymbol, "trader", None);

        // Reconciliation replays the trade book: the manual order's own trade arrives with its broker number.
        var known = await desk.Manager.ApplyBrokerTradeAsync(new BrokerTrade("T-MANUAL-1", "BRK-MANUAL-1", null, DeskFixture.Nifty.Id,
            DeskFixture.Nifty.TradingSymbol, OrderSide.Buy, ProductType.Nrml, 65, 100m, desk.Clock.GetUtcNow()), None);

        Assert.True(known);
        Assert.Equal(65, desk.Store.AllFills.Where(f => f.OrderId == adopted.Id).Sum(f => f.Quantity));
    }

    [Fact]
    public async Task A_key_the_desk_no_longer_holds_is_still_placed_once()
    {
        var desk = new DeskFixture();
        var first = (await desk.Manager.SubmitAsync(DeskFixture.Buy(key: "press-old"), None)).Orders.Single();

        // A new desk that has not loaded the earlier order (older than what it loads at start-up): the store's unique key decides.
        var fresh = desk.NewManager();
        var again = await fresh.SubmitAsync(DeskFixture.Buy(key: "press-old"), None);

        Assert.True(again.AlreadyPlaced);
        Assert.Equal(first.Id, again.Orders.Single().Id);
        Assert.Single(desk.Broker.Book);
    }

    [Fact]
    public async Task Cancelling_a_working_order_and_an_unsent_one()
    {
        var desk = new DeskFixture();
        var working = (await desk.Manager.SubmitAsync(DeskFixture.Buy(), None)).Orders.Single();
        desk.Broker.FailNext(BrokerErrorKind.Unreachable, times: 10);
        var unsent = (await desk.Manager.SubmitAsync(DeskFixture.Buy(130), None)).Orders.Single();

        var first = await desk.Manager.CancelAsync(working.Id, "trader", None);
        var second = await desk.Manager.CancelAsync(unsent.Id, "trader", None);
        var third = await desk.Manager.CancelAsync(working.Id, "trader", None);

        Assert.Equal(OrderStatus.Cancelled, first.Orders.Single().Status);
        Assert.Equal(OrderStatus.Cancelled, second.Orders.Single().Status);
        Assert.False(third.Accepted);
        Assert.Contains(desk.Store.Events, e => e.OrderId == working.Id && e.Kind == OrderEventKind.CancelRequested && e.Actor == "trader");
    }

    [Fact]
    public async Task Modify_is_refused_while_the_kill_switch_is_tripped_but_cancel_is_not()
    {
        var desk = new DeskFixture();
        var order = (await desk.Manager.SubmitAsync(DeskFixture.Buy() with { Type = OrderType.Limit, LimitPrice = 90m }, None)).Orders.Single();
        desk.Gate.SetTripped(true);

        var modify = await desk.Manager.ModifyAsync(order.Id, 130, 91m, null, "trader", None);
        var cancel = await desk.Manager.CancelAsync(order.Id, "trader", None);

        Assert.False(modify.Accepted);
        Assert.Contains("kill switch", modify.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Cancelled, cancel.Orders.Single().Status);
    }

    [Fact]
    public async Task Slices_are_separate_orders_in_one_group()
    {
        var desk = new DeskFixture(decide: r => new OrderDecision(true, DeskFixture.Nifty, [], [1755, 1755, 390], 100m));

        var outcome = await desk.Manager.SubmitAsync(DeskFixture.Buy(3900, key: "k"), None);

        Assert.Equal([1755, 1755, 390], outcome.Orders.Select(o => o.Quantity));
        Assert.Single(outcome.Orders.Select(o => o.GroupId).Distinct());
        Assert.NotNull(outcome.Orders[0].GroupId);
        Assert.Equal(["k", "k#1", "k#2"], outcome.Orders.Select(o => o.IdempotencyKey));
        Assert.Equal(3, desk.Broker.Book.Count);
        Assert.Equal(3, (await desk.Manager.SubmitAsync(DeskFixture.Buy(3900, key: "k"), None)).Orders.Count);
        Assert.Equal(3, desk.Broker.Book.Count);
    }
}
