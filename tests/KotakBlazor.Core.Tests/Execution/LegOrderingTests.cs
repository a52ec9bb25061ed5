using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution;

public sealed class LegOrderingTests
{
    private sealed record Leg(string Name, OrderSide Side);

    [Fact]
    public void Hedges_go_before_short_legs_keeping_the_listed_order_within_each()
    {
        // An iron condor as a strategy might list it: shorts first.
        Leg[] legs =
        [
            new("sell 26000 CE", OrderSide.Sell),
            new("buy 26200 CE", OrderSide.Buy),
            new("sell 25800 PE", OrderSide.Sell),
            new("buy 25600 PE", OrderSide.Buy),
        ];

        var ordered = LegOrdering.Order(legs, l => l.Side);

        Assert.Equal(["buy 26200 CE", "buy 25600 PE", "sell 26000 CE", "sell 25800 PE"], ordered.Select(l => l.Name));
    }

    [Fact]
    public void One_sided_groups_keep_their_order()
    {
        Leg[] legs = [new("a", OrderSide.Sell), new("b", OrderSide.Sell)];

        Assert.Equal(["a", "b"], LegOrdering.Order(legs, l => l.Side).Select(l => l.Name));
        Assert.Empty(LegOrdering.Order(Array.Empty<Leg>(), l => l.Side));
    }
}
