using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution.Batches;

public sealed class PacingEstimateTests
{
    private static readonly PlacementLeg[] Strangle = [Leg(0, OrderSide.Sell), Leg(1, OrderSide.Sell)];

    [Fact]
    public void Ten_orders_at_ten_a_second_go_at_once_and_the_estimate_is_the_five_fill_waits()
    {
        var plan = BatchPlanner.Plan(Strangle.Select(l => l with { Quantity = 100 * 65 }).ToArray(), 20);

        var estimate = PacingEstimate.For(plan, Strangle, 10, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.FromMilliseconds(1250), estimate.EstimatedTime);
        Assert.Equal("at most 10 orders a second (the broker's limit), no fixed delay", estimate.Description);
    }

    [Fact]
    public void Past_the_limit_an_order_waits_until_the_order_ten_before_it_is_a_second_old()
    {
        // 13 legs in one batch, fills taking no time: orders 1-10 at 0 s, 11-13 at 1 s.
        var legs = Enumerable.Range(0, 13).Select(i => Leg(i, OrderSide.Sell)).ToArray();
        var plan = BatchPlanner.Plan(legs, 20);

        Assert.Equal(TimeSpan.FromSeconds(1), PacingEstimate.For(plan, legs, 10, TimeSpan.Zero, TimeSpan.Zero).EstimatedTime);
        Assert.Equal(TimeSpan.Zero, PacingEstimate.For(plan, legs, 0, TimeSpan.Zero, TimeSpan.Zero).EstimatedTime);
    }

    [Fact]
    public void The_old_fixed_ten_seconds_between_batches_stays_available_and_shows_in_the_estimate()
    {
        var legs = Strangle.Select(l => l with { Quantity = 100 * 65 }).ToArray();
        var plan = BatchPlanner.Plan(legs, 20);

        var estimate = PacingEstimate.For(plan, legs, 10, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.FromSeconds(41.25), estimate.EstimatedTime);
        Assert.EndsWith("and a fixed 10 s between batches", estimate.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condor_batch_waits_twice_for_fills_wings_then_shorts()
    {
        PlacementLeg[] legs = [Leg(0, OrderSide.Buy), Leg(1, OrderSide.Sell), Leg(2, OrderSide.Sell), Leg(3, OrderSide.Buy)];

        var estimate = PacingEstimate.For(BatchPlanner.Plan(legs, 20), legs, 10, TimeSpan.Zero, TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(600), estimate.EstimatedTime);
    }

    private static PlacementLeg Leg(int index, OrderSide side) =>
        new(index, new InstrumentId(ExchangeSegment.NseFo, 100 + index), $"NIFTY {index}", side, 65, 65, 1800, OrderType.Market, null, OrderPurpose.Entry, OptionType.Call, 26_000m);
}
