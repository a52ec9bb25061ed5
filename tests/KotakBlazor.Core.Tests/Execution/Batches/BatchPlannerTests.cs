using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution.Batches;

public sealed class BatchPlannerTests
{
    [Fact]
    public void A_100_lot_strangle_at_20_lots_a_batch_is_5_batches_of_one_call_and_one_put_order()
    {
        var plan = BatchPlanner.Plan([Leg(0, OrderSide.Sell, 100), Leg(1, OrderSide.Sell, 100)], 20);

        Assert.Equal((5, 10), (plan.BatchCount, plan.OrderCount));
        Assert.All(plan.Batches, batch => Assert.Equal([(0, 1300), (1, 1300)], batch.Orders.Select(o => (o.LegIndex, o.Quantity))));
        Assert.Equal([1, 2, 3, 4, 5], plan.Batches.Select(b => b.Number));
    }

    [Fact]
    public void Lots_that_are_not_a_multiple_of_the_batch_size_leave_the_remainder_for_the_last_batch()
    {
        var plan = BatchPlanner.Plan([Leg(0, OrderSide.Sell, 90), Leg(1, OrderSide.Sell, 90)], 20);

        Assert.Equal([20, 20, 20, 20, 10], plan.Batches.Select(b => b.Orders[0].Lots));
        Assert.All(plan.Batches, b => Assert.Equal(b.Orders[0].Lots, b.Orders[1].Lots));
    }

    [Fact]
    public void A_freeze_quantity_smaller_than_a_batch_slices_each_leg_within_the_batch()
    {
        // Lot 75, freeze 900 = 12 lots: each 20-lot share goes as 12 + 8 lots.
        var plan = BatchPlanner.Plan([Leg(0, OrderSide.Sell, 40, lotSize: 75, freeze: 900), Leg(1, OrderSide.Sell, 40, lotSize: 75, freeze: 900)], 20);

        Assert.Equal((2, 8), (plan.BatchCount, plan.OrderCount));
        Assert.All(plan.Batches, batch => Assert.Equal(
            [(0, 0, 900), (0, 1, 600), (1, 0, 900), (1, 1, 600)],
            batch.Orders.Select(o => (o.LegIndex, o.Slice, o.Quantity))));
    }

    [Fact]
    public void One_lot_is_one_batch_of_one_order_per_leg()
    {
        var plan = BatchPlanner.Plan([Leg(0, OrderSide.Sell, 1), Leg(1, OrderSide.Sell, 1)], 20);

        Assert.Equal((1, 2), (plan.BatchCount, plan.OrderCount));
        Assert.All(plan.Batches[0].Orders, o => Assert.Equal(65, o.Quantity));
    }

    [Fact]
    public void Zero_lots_are_refused_with_a_reason_and_cannot_be_planned()
    {
        PlacementLeg[] legs = [Leg(0, OrderSide.Sell, 0), Leg(1, OrderSide.Sell, 5)];

        Assert.Equal(["NIFTY 0: lots must be at least 1 (given 0)."], BatchPlanner.Problems(legs, 20));
        Assert.Throws<ArgumentException>(() => BatchPlanner.Plan(legs, 20));
    }

    [Fact]
    public void A_freeze_quantity_below_one_lot_or_a_batch_size_below_one_is_refused()
    {
        Assert.Contains("smaller than one lot", Assert.Single(BatchPlanner.Problems([Leg(0, OrderSide.Sell, 5, lotSize: 75, freeze: 50)], 20)), StringComparison.Ordinal);
        Assert.Equal(["Lots per batch must be between 1 and 10000 (given 0)."], BatchPlanner.Problems([Leg(0, OrderSide.Sell, 5)], 0));
    }

    [Fact]
    public void A_condor_sends_its_wings_before_its_short_legs_in_every_batch()
    {
        var plan = BatchPlanner.Plan([Leg(0, OrderSide.Sell, 30), Leg(1, OrderSide.Buy, 30), Leg(2, OrderSide.Sell, 30), Leg(3, OrderSide.Buy, 30)], 20);

        Assert.All(plan.Batches, batch => Assert.Equal([1, 3, 0, 2], batch.Orders.Select(o => o.LegIndex)));
        Assert.Equal([20, 10], plan.Batches.Select(b => b.Orders[0].Lots));
    }

    [Fact]
    public void Legs_of_different_sizes_keep_their_ratio_in_every_batch()
    {
        var plan = BatchPlanner.Plan([Leg(0, OrderSide.Sell, 100), Leg(1, OrderSide.Buy, 50)], 20);

        Assert.All(plan.Batches, batch => Assert.Equal([(1, 10), (0, 20)], batch.Orders.Select(o => (o.LegIndex, o.Lots))));
    }

    private static PlacementLeg Leg(int index, OrderSide side, int lots, int lotSize = 65, int freeze = 1800) =>
        new(index, new InstrumentId(ExchangeSegment.NseFo, 100 + index), $"NIFTY {index}", side, lots * lotSize, lotSize, freeze, OrderType.Market, null,
            OrderPurpose.Entry, index % 2 == 0 ? OptionType.Call : OptionType.Put, 26_000m);
}
