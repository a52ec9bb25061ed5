using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>Placing a structure in batches: progress, idempotency, kill switch, hedges first.</summary>
public sealed class PlacementDeskTests
{
    [Fact]
    public async Task A_100_lot_strangle_is_placed_in_5_batches_and_reports_every_step()
    {
        await using var basket = new BasketFixture();
        using var progress = basket.Desk.Progress.Subscribe(1024);
        var draft = BasketFixture.Strangle(100);

        var placement = await basket.RunAsync(draft);

        Assert.Equal(PlacementStatus.Completed, placement.Status);
        Assert.Equal(10, basket.Broker.Placed.Count);
        Assert.All(basket.Broker.Placed, o => Assert.Equal((OrderSide.Sell, 1300), (o.Side, o.Quantity)));
        Assert.Equal(5, placement.BatchesFilled);

        var events = Drain(progress);
        Assert.Equal(PlacementEventKind.Created, events[0].Kind);
        Assert.Equal(PlacementEventKind.Completed, events[^1].Kind);
        Assert.Equal(5, events.Count(e => e.Kind == PlacementEventKind.BatchStarted));
        Assert.Equal(10, events.Count(e => e.Kind == PlacementEventKind.OrderPlaced));
        Assert.Equal(
            ["Batch 1 of 5: 2 orders.", "Batch 2 of 5: 2 orders.", "Batch 3 of 5: 2 orders.", "Batch 4 of 5: 2 orders.", "Batch 5 of 5: 2 orders."],
            events.Where(e => e.Kind == PlacementEventKind.BatchStarted).Select(e => e.Message));
        // Batch i's orders are linked before batch i + 1 starts.
        var second = events.FindIndex(e => e.Kind == PlacementEventKind.BatchStarted && e.Message.StartsWith("Batch 2", StringComparison.Ordinal));
        Assert.Equal(2, events[second].Placement.Orders.Count(o => o.IsFilled));
        Assert.StartsWith("NIFTY short strangle placed: SELL 6,500 NIFTY26D0826200CE @ 80.00, SELL 6,500 NIFTY26D0825700PE @ 90.00.", events[^1].Message, StringComparison.Ordinal);

        var summary = PlacementSummary.Of(placement);
        Assert.Equal((5, 5, 5, 5, 5, 5), (summary.CallOrders, summary.CallOrdersPlaced, summary.CallOrdersFilled, summary.PutOrders, summary.PutOrdersPlaced, summary.PutOrdersFilled));
        // 6,500 x 80 + 6,500 x 90.
        Assert.Equal(1_105_000m, summary.PremiumCollected);
        Assert.Equal([80m, 90m], summary.Legs.Select(l => l.AveragePrice!.Value));
    }

    [Fact]
    public async Task Every_order_carries_the_placement_as_its_group_and_a_key_derived_from_batch_leg_and_slice()
    {
        await using var basket = new BasketFixture();
        var draft = BasketFixture.Strangle(40);

        var placement = await basket.RunAsync(draft);

        var orders = basket.OrderStore.All;
        Assert.Equal(4, orders.Count);
        Assert.All(orders, o => Assert.Equal((draft.Id, OrderSource.Batch, OrderPurpose.Entry, "asha"), (o.GroupId!.Value, o.Source, o.Purpose, o.RequestedBy)));
        Assert.Equal(
            [$"pl:{draft.Id:N}:b1:l0:s0", $"pl:{draft.Id:N}:b1:l1:s0", $"pl:{draft.Id:N}:b2:l0:s0", $"pl:{draft.Id:N}:b2:l1:s0"],
            placement.Orders.Select(o => o.IdempotencyKey));
        Assert.Equal(placement.Orders.Select(o => o.IdempotencyKey).Order(), orders.Select(o => o.IdempotencyKey!).Order());
        Assert.All(placement.Orders, link => Assert.Equal(basket.Orders.Find(link.OrderId!.Value)!.BrokerOrderId, link.BrokerOrderId));
    }

    [Fact]
    public async Task Executing_the_same_placement_twice_at_once_places_it_once()
    {
        await using var basket = new BasketFixture();
        var draft = BasketFixture.Strangle(100);

        var results = await Task.WhenAll(
            basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None),
            basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None));
        await basket.Desk.WhenIdleAsync(draft.Id);
        var again = await basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(1, results.Count(r => r.AlreadyDone));
        Assert.True(again.AlreadyDone);
        Assert.Equal(PlacementStatus.Completed, again.Placement!.Status);
        Assert.Equal(10, basket.Broker.Placed.Count);
        Assert.Single(basket.Desk.Placements);
    }

    [Fact]
    public async Task A_kill_switch_trip_mid_way_stops_before_the_next_batch_and_resume_after_the_reset_sends_only_the_rest()
    {
        await using var basket = new BasketFixture();
        // The switch trips while batch 2 is at the broker.
        basket.Broker.OnPlaced = (_, count) =>
        {
            if (count == 4)
            {
                basket.Gate.SetTripped(true);
            }
        };
        var draft = BasketFixture.Strangle(100);

        var stopped = await basket.RunAsync(draft);

        Assert.Equal(PlacementStatus.Stopped, stopped.Status);
        Assert.StartsWith("The kill switch is tripped: batch 3 of 5 was not sent.", stopped.StopReason, StringComparison.Ordinal);
        Assert.Equal(4, basket.Broker.Placed.Count);
        Assert.Equal(2, stopped.BatchesFilled);
        Assert.Contains(basket.Notifier.Sent, n => n.Title == "NIFTY short strangle stopped");

        var refused = await basket.Desk.ResumeAsync(draft.Id, "asha", CancellationToken.None);
        Assert.False(refused.Succeeded);
        Assert.Equal("The kill switch is tripped: nothing can be sent until an admin resets it.", refused.Message);

        basket.Gate.SetTripped(false);
        var resumed = await basket.AfterAsync(basket.Desk.ResumeAsync(draft.Id, "asha", CancellationToken.None));

        Assert.Equal(PlacementStatus.Completed, resumed.Status);
        Assert.Equal(10, basket.Broker.Placed.Count);
        Assert.Equal(10, basket.Broker.Placed.Select(o => o.Tag).Distinct().Count());
    }

    [Fact]
    public async Task A_condor_sends_no_short_leg_until_the_wings_of_its_batch_have_filled()
    {
        await using var basket = new BasketFixture();
        basket.Broker.Hold = order => order.Side == OrderSide.Buy;
        using var progress = basket.Desk.Progress.Subscribe(1024);
        var draft = BasketFixture.Condor(40);

        var result = await basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None);
        for (var batch = 1; batch <= 2; batch++)
        {
            // Both wings of the batch are at the broker, unfilled: the desk can only wait for them...
            await NextAsync(progress, e => e.Kind == PlacementEventKind.OrderPlaced && e.Placement.Orders.Count(o => o.IsSent && o.Side == OrderSide.Buy) == 2 * batch);
            var placed = basket.Broker.Placed;
            // ... and has sent no short leg of this batch.
            Assert.Equal(2 * batch, placed.Count(o => o.Side == OrderSide.Buy));
            Assert.Equal(2 * (batch - 1), placed.Count(o => o.Side == OrderSide.Sell));
            basket.Broker.FillHeld();
        }

        await basket.Desk.WhenIdleAsync(draft.Id);

        Assert.True(result.Succeeded);
        Assert.Equal(PlacementStatus.Completed, basket.Desk.Find(draft.Id)!.Status);
        Assert.Equal(
            [OrderSide.Buy, OrderSide.Buy, OrderSide.Sell, OrderSide.Sell, OrderSide.Buy, OrderSide.Buy, OrderSide.Sell, OrderSide.Sell],
            basket.Broker.Placed.Select(o => o.Side));
        Assert.Null(basket.Desk.Find(draft.Id)!.HedgeAlert);
    }

    [Fact]
    public async Task A_restart_mid_placement_stops_and_asks_and_resuming_never_sends_an_order_twice()
    {
        await using var basket = new BasketFixture();
        basket.Broker.Hold = _ => basket.Broker.Placed.Count >= 5;
        using var progress = basket.Desk.Progress.Subscribe(1024);
        var draft = BasketFixture.Strangle(100);
        await basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None);
        // Batch 3 is at the broker, unfilled, when the process goes away.
        await NextAsync(progress, e => e.Kind == PlacementEventKind.OrderPlaced && e.Placement.Orders.Count(o => o.IsSent) == 6);
        await basket.Desk.DisposeAsync();
        await using var restarted = basket.NewDesk();

        await restarted.LoadAsync(CancellationToken.None);

        var stopped = restarted.Find(draft.Id)!;
        Assert.Equal(PlacementStatus.Stopped, stopped.Status);
        Assert.StartsWith("The app restarted while this was being placed: 6 of 10 orders had been sent, and none will be sent twice.", stopped.StopReason, StringComparison.Ordinal);

        basket.Broker.Hold = _ => false;
        basket.Broker.FillHeld();
        var resumed = await basket.AfterAsync(restarted.ResumeAsync(draft.Id, "asha", CancellationToken.None), restarted);

        Assert.Equal(PlacementStatus.Completed, resumed.Status);
        Assert.Equal(10, basket.Broker.Placed.Count);
        Assert.Equal(10, basket.Broker.Placed.Select(o => o.Tag).Distinct().Count());
    }

    [Fact]
    public async Task Lots_below_one_or_an_unknown_contract_are_refused_before_anything_is_stored()
    {
        await using var basket = new BasketFixture();
        var draft = BasketFixture.Strangle(0);

        var result = await basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(["Leg 1 (NIFTY26D0826200CE): lots must be at least 1 (given 0).", "Leg 2 (NIFTY26D0825700PE): lots must be at least 1 (given 0)."], result.Problems);
        Assert.Null(await basket.Store.FindAsync(draft.Id, CancellationToken.None));
        Assert.Empty(basket.Broker.Placed);
    }

    internal static List<PlacementProgress> Drain(Messaging.EventStream<PlacementProgress>.Subscription subscription)
    {
        var events = new List<PlacementProgress>();
        while (subscription.Reader.TryRead(out var item))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>Reads progress until an event matches.</summary>
    internal static async Task<PlacementProgress> NextAsync(Messaging.EventStream<PlacementProgress>.Subscription subscription, Func<PlacementProgress, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = await subscription.Reader.ReadAsync(timeout.Token);
            if (match(next))
            {
                return next;
            }
        }
    }
}
