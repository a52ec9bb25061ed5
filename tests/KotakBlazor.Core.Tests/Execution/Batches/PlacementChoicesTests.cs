using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>A placement that stops waits for the trader: unwind what was placed, keep it, or resume.</summary>
public sealed class PlacementChoicesTests
{
    [Fact]
    public async Task A_rejected_put_stops_the_placement_and_the_hedge_check_raises_the_call_put_imbalance()
    {
        await using var basket = new BasketFixture();
        basket.Broker.Refuse = order => order.Side == OrderSide.Sell && order.Instrument == BasketFixture.Put.Id && basket.Broker.Placed.Count >= 4
            ? "RMS: margin exceeds, required 1,23,456.00"
            : null;

        var stopped = await basket.RunAsync(BasketFixture.Strangle(100));

        Assert.Equal(PlacementStatus.Stopped, stopped.Status);
        Assert.Equal("Batch 3: SELL 1,300 NIFTY26D0825700PE was rejected: RMS: margin exceeds, required 1,23,456.00. Resume to send the rest, unwind what was placed, or keep it.", stopped.StopReason);
        // Calls of batches 1-3 filled, puts of batches 1-2.
        Assert.Equal("Call/put imbalance: 3,900 calls sold against 2,600 puts (1,300 more calls).", stopped.HedgeAlert);
        Assert.Contains(basket.Notifier.Sent, n => n.Severity == NotificationSeverity.Critical && n.Body.Contains("Call/put imbalance", StringComparison.Ordinal));
        var summary = PlacementSummary.Of(stopped);
        Assert.Equal((3, 3, 5, 2, 2), (summary.CallOrdersPlaced, summary.CallOrdersFilled, summary.PutOrders, summary.PutOrdersPlaced, summary.PutOrdersFilled));

        var resume = await basket.Desk.ResumeAsync(stopped.Id, "asha", CancellationToken.None);
        Assert.False(resume.Succeeded);
        Assert.StartsWith("NIFTY26D0825700PE was rejected: RMS: margin exceeds", resume.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unwinding_buys_back_every_filled_unit_in_batches_as_the_system_and_leaves_nothing_held()
    {
        await using var basket = new BasketFixture();
        basket.Broker.Refuse = order => order.Instrument == BasketFixture.Put.Id && basket.Broker.Placed.Count >= 4 ? "RMS: margin exceeds" : null;
        var stopped = await basket.RunAsync(BasketFixture.Strangle(100));
        basket.Broker.Refuse = _ => null;
        basket.Broker.Prices[BasketFixture.Call.Id] = 85m;
        basket.Broker.Prices[BasketFixture.Put.Id] = 95m;

        var unwound = await basket.AfterAsync(basket.Desk.UnwindAsync(stopped.Id, "asha", CancellationToken.None));

        Assert.Equal(PlacementStatus.Unwound, unwound.Status);
        Assert.NotNull(unwound.ClosedAt);
        Assert.Null(unwound.HedgeAlert);
        var unwinds = basket.Broker.Placed.Skip(5).ToList();
        // 60 lots of calls and 40 of puts bought back in 3 batches of 20 call lots, the puts in proportion (13, 14, 13 lots).
        Assert.Equal(
            [(BasketFixture.Call.Id, 1300), (BasketFixture.Put.Id, 845), (BasketFixture.Call.Id, 1300), (BasketFixture.Put.Id, 910), (BasketFixture.Call.Id, 1300), (BasketFixture.Put.Id, 845)],
            unwinds.Select(o => (o.Instrument, o.Quantity)));
        Assert.All(unwinds, o => Assert.Equal(OrderSide.Buy, o.Side));
        Assert.All(basket.OrderStore.All.Where(o => o.Side == OrderSide.Buy), o => Assert.Equal((OrderSource.System, OrderPurpose.Unwind), (o.Source, o.Purpose)));

        var position = basket.Desk.Position(stopped.Id, _ => null)!;
        Assert.False(position.IsOpen);
        // Sold 3,900 at 80 and 2,600 at 90, bought back at 85 and 95: -5 a unit on each.
        Assert.Equal(-32_500m, position.Pnl);
    }

    [Fact]
    public async Task Keeping_leaves_the_position_as_placed_and_tracks_its_pnl()
    {
        await using var basket = new BasketFixture();
        basket.Broker.OnPlaced = (_, count) => basket.Gate.SetTripped(count >= 2);
        var stopped = await basket.RunAsync(BasketFixture.Strangle(60));

        var kept = await basket.AfterAsync(basket.Desk.KeepAsync(stopped.Id, "asha", CancellationToken.None));

        Assert.Equal(PlacementStatus.Kept, kept.Status);
        Assert.Equal(2, basket.Broker.Placed.Count);
        var position = basket.Desk.Position(kept.Id, id => id == BasketFixture.Call.Id ? 70m : 100m)!;
        Assert.True(position.IsOpen);
        Assert.Equal([-1300, -1300], position.Legs.Select(l => l.NetQuantity));
        // Call sold at 80, now 70: +13,000; put sold at 90, now 100: -13,000.
        Assert.Equal([13_000m, -13_000m], position.Legs.Select(l => l.Pnl));
        Assert.Equal(0m, position.Pnl);
        Assert.False((await basket.Desk.UnwindAsync(kept.Id, "asha", CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task An_order_that_does_not_fill_in_time_is_cancelled_and_the_placement_stops()
    {
        await using var basket = new BasketFixture(options: new PlacementOptions { FillTimeoutSeconds = 15 });
        basket.Broker.Hold = order => order.Instrument == BasketFixture.Put.Id;
        using var progress = basket.Desk.Progress.Subscribe(1024);
        var draft = BasketFixture.Strangle(20);

        await basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None);
        await PlacementDeskTests.NextAsync(progress, e => e.Kind == PlacementEventKind.OrderPlaced && e.Placement.Orders.All(o => o.IsSent));
        await basket.Clock.WaitForArmedTimersAsync(1, CancellationToken.None);
        basket.Clock.Advance(TimeSpan.FromSeconds(15));
        await basket.Desk.WhenIdleAsync(draft.Id);

        var stopped = basket.Desk.Find(draft.Id)!;
        Assert.Equal(PlacementStatus.Stopped, stopped.Status);
        Assert.StartsWith("Batch 1: SELL 1,300 NIFTY26D0825700PE did not fill within 15 s (0 filled); what was working is cancelled.", stopped.StopReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Cancelled, basket.Broker.Book.Single(o => o.Instrument == BasketFixture.Put.Id).Status);
        Assert.Equal(OrderStatus.Cancelled, stopped.Orders.Single(o => o.LegIndex == 1).Status);
    }

    [Fact]
    public async Task A_running_placement_takes_no_choice()
    {
        await using var basket = new BasketFixture();
        basket.Broker.Hold = _ => true;
        using var progress = basket.Desk.Progress.Subscribe(1024);
        var draft = BasketFixture.Strangle(20);
        await basket.Desk.ExecuteAsync(draft, "asha", CancellationToken.None);
        await PlacementDeskTests.NextAsync(progress, e => e.Kind == PlacementEventKind.OrderPlaced);

        var keep = await basket.Desk.KeepAsync(draft.Id, "asha", CancellationToken.None);

        Assert.Equal("NIFTY short strangle is still running: wait for it to finish or stop.", keep.Message);
        basket.Broker.FillHeld();
        await PlacementDeskTests.NextAsync(progress, e => e.Kind == PlacementEventKind.OrderPlaced && e.Placement.Orders.All(o => o.IsSent));
        basket.Broker.FillHeld();
        await basket.Desk.WhenIdleAsync(draft.Id);
        Assert.Equal(PlacementStatus.Completed, basket.Desk.Find(draft.Id)!.Status);
    }
}
