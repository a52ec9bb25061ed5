using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Tests.Risk;
using static KotakBlazor.Core.Tests.Risk.RiskFixture;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>A batched placement sends the same slice batch after batch on purpose: the duplicate rule must not refuse it, and must still refuse a double click.</summary>
public sealed class SameGroupIsNotADuplicateTests
{
    [Fact]
    public void The_same_slice_of_one_group_within_the_window_is_allowed()
    {
        var risk = new RiskFixture();
        var group = Guid.NewGuid();
        var slice = Limit(Orders.OrderSide.Sell, 1300, 100m) with { GroupId = group };
        risk.Engine.Accept(slice, Open);

        Assert.True(risk.Check(slice, now: Open.AddMilliseconds(100)).IsAllowed);
    }

    [Fact]
    public void The_same_order_outside_the_group_or_in_another_group_is_still_a_duplicate()
    {
        var risk = new RiskFixture();
        var slice = Limit(Orders.OrderSide.Sell, 1300, 100m) with { GroupId = Guid.NewGuid() };
        risk.Engine.Accept(slice, Open);

        Assert.True(risk.Check(slice with { GroupId = null }, now: Open.AddSeconds(1)).IsRefusedBy(RiskRule.Duplicate));
        Assert.True(risk.Check(slice with { GroupId = Guid.NewGuid() }, now: Open.AddSeconds(1)).IsRefusedBy(RiskRule.Duplicate));
    }
}
