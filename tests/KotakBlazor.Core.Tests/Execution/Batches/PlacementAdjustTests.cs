using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>After a placement: the position's live P&amp;L, closing it in batches, rolling a leg.</summary>
public sealed class PlacementAdjustTests
{
    [Fact]
    public async Task The_position_pnl_moves_with_the_last_prices()
    {
        await using var basket = new BasketFixture();
        var entry = await basket.RunAsync(BasketFixture.Strangle(20));
        var prices = new Dictionary<InstrumentId, decimal> { [BasketFixture.Call.Id] = 80m, [BasketFixture.Put.Id] = 90m };

        var atEntry = basket.Desk.Position(entry.Id, id => prices[id])!;
        prices[BasketFixture.Call.Id] = 60m;
        prices[BasketFixture.Put.Id] = 95m;
        var later = basket.Desk.Position(entry.Id, id => prices[id])!;

        Assert.Equal(0m, atEntry.Pnl);
        // 1,300 calls: +20 each; 1,300 puts: -5 each.
        Assert.Equal(19_500m, later.Pnl);
        Assert.Equal(221_000m, later.NetPremium);
        Assert.Equal([80m, 90m], later.Legs.Select(l => l.AveragePrice!.Value));
    }

    [Fact]
    public async Task Closing_buys_back_both_legs_in_batches_and_marks_the_position_closed()
    {
        await using var basket = new BasketFixture();
        var entry = await basket.RunAsync(BasketFixture.Strangle(100));
        basket.Broker.Prices[BasketFixture.Call.Id] = 50m;
        basket.Broker.Prices[BasketFixture.Put.Id] = 60m;
        var exitId = Guid.NewGuid();

        var exit = await basket.AfterAsync(basket.Desk.ExitAsync(exitId, entry.Id, "asha", CancellationToken.None));
        var again = await basket.Desk.ExitAsync(exitId, entry.Id, "asha", CancellationToken.None);

        Assert.Equal((PlacementKind.Exit, PlacementStatus.Completed, entry.Id), (exit.Kind, exit.Status, exit.ParentId!.Value));
        Assert.True(again.AlreadyDone);
        var buys = basket.Broker.Placed.Skip(10).ToList();
        Assert.Equal(10, buys.Count);
        Assert.All(buys, o => Assert.Equal((OrderSide.Buy, 1300), (o.Side, o.Quantity)));
        Assert.All(basket.OrderStore.All.Where(o => o.Side == OrderSide.Buy), o => Assert.Equal((OrderPurpose.Exit, exit.Id), (o.Purpose, o.GroupId!.Value)));
        var closed = basket.Desk.Find(entry.Id)!;
        Assert.NotNull(closed.ClosedAt);
        var position = basket.Desk.Position(entry.Id, _ => 1_000m)!;
        Assert.False(position.IsOpen);
        // Sold at 80 and 90, bought back at 50 and 60: 30 a unit on 13,000 units, whatever the market does now.
        Assert.Equal(390_000m, position.Pnl);
        var refused = await basket.Desk.ExitAsync(Guid.NewGuid(), entry.Id, "asha", CancellationToken.None);
        Assert.Equal("NIFTY short strangle holds nothing: the position is closed.", refused.Message);
    }

    [Fact]
    public async Task Rolling_the_call_buys_it_back_before_selling_the_new_strike()
    {
        await using var basket = new BasketFixture();
        var entry = await basket.RunAsync(BasketFixture.Strangle(20));

        var roll = await basket.AfterAsync(basket.Desk.RollAsync(Guid.NewGuid(), entry.Id, BasketFixture.Call.Id, BasketFixture.CallFurther.Id, "asha", CancellationToken.None));

        Assert.Equal((PlacementKind.Roll, PlacementStatus.Completed, "NIFTY short strangle roll 26200 to 26300 Call"), (roll.Kind, roll.Status, roll.StrategyName));
        Assert.Equal(
            [(BasketFixture.Call.Id, OrderSide.Buy, 1300), (BasketFixture.CallFurther.Id, OrderSide.Sell, 1300)],
            basket.Broker.Placed.Skip(2).Select(o => (o.Instrument, o.Side, o.Quantity)));
        var position = basket.Desk.Position(entry.Id, _ => null)!;
        Assert.Equal(
            [(BasketFixture.Call.Id, 0), (BasketFixture.Put.Id, -1300), (BasketFixture.CallFurther.Id, -1300)],
            position.Legs.Select(l => (l.Instrument, l.NetQuantity)));
        Assert.Null(basket.Desk.Find(entry.Id)!.ClosedAt);
    }

    [Fact]
    public async Task A_leg_rolls_only_to_another_strike_of_the_same_kind()
    {
        await using var basket = new BasketFixture();
        var entry = await basket.RunAsync(BasketFixture.Strangle(20));

        var toPut = basket.Desk.PrepareRoll(Guid.NewGuid(), entry.Id, BasketFixture.Call.Id, BasketFixture.PutWing.Id, "asha");
        var notHeld = basket.Desk.PrepareRoll(Guid.NewGuid(), entry.Id, BasketFixture.CallWing.Id, BasketFixture.CallFurther.Id, "asha");

        Assert.Equal(["NIFTY26D0826200CE rolls to another NIFTY Call with the same lot size, not to NIFTY26D0825500PE."], toPut.Problems);
        Assert.Equal(["The position holds nothing of the leg to roll."], notHeld.Problems);
    }
}
