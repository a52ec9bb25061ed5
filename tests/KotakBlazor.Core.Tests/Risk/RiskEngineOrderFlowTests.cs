using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using static KotakBlazor.Core.Tests.Risk.RiskFixture;

namespace KotakBlazor.Core.Tests.Risk;

/// <summary>The rules over accepted orders: per second, per day, duplicates.</summary>
public sealed class RiskEngineOrderFlowTests
{
    private static RiskRefusal Only(RiskVerdict verdict)
    {
        Assert.False(verdict.IsAllowed);
        return Assert.Single(verdict.Refusals);
    }

    private static OrderRequest Order(int lots) => Limit(OrderSide.Buy, 65 * lots, 100m);

    [Fact]
    public void Orders_per_second_is_a_sliding_window_over_accepted_orders()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOrdersPerSecond = 2 });
        risk.Engine.Accept(Order(1), Open);
        risk.Engine.Accept(Order(2), Open.AddMilliseconds(500));

        var refusal = Only(risk.Check(Order(3), now: Open.AddMilliseconds(999)));

        Assert.Equal(RiskRule.MaxOrdersPerSecond, refusal.Rule);
        Assert.Equal("2 orders went out in the last second; the limit is 2 per second", refusal.Message);
        // One second after the first, it has left the window.
        Assert.True(risk.Check(Order(3), now: Open.AddSeconds(1)).IsAllowed);
    }

    [Fact]
    public void Checking_alone_uses_no_budget()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOrdersPerSecond = 1, MaxOrdersPerDay = 1 });

        for (var i = 0; i < 5; i++)
        {
            Assert.True(risk.Check(Order(1)).IsAllowed);
        }

        Assert.Equal(0, risk.Engine.Summary(Open).OrdersToday);
    }

    [Fact]
    public void Check_and_accept_records_only_allowed_orders()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOrdersPerDay = 2 });

        Assert.False(risk.Engine.CheckAndAccept(Limit(OrderSide.Buy, 70, 100m), 100m, Open).IsAllowed);
        Assert.True(risk.Engine.CheckAndAccept(Order(1), 100m, Open).IsAllowed);
        Assert.True(risk.Engine.CheckAndAccept(Order(2), 100m, Open.AddSeconds(1)).IsAllowed);

        Assert.Equal(RiskRule.MaxOrdersPerDay, Only(risk.Engine.CheckAndAccept(Order(3), 100m, Open.AddSeconds(2))).Rule);
        Assert.Equal(2, risk.Engine.Summary(Open).OrdersToday);
    }

    [Fact]
    public void Orders_per_day_count_the_ist_day_and_restart_the_next()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOrdersPerDay = 2 });
        risk.Engine.Accept(Order(1), TestTicks.Ist(9, 30));
        risk.Engine.Accept(Order(2), TestTicks.Ist(14, 0));

        var refusal = Only(risk.Check(Order(3), now: TestTicks.Ist(15, 0)));

        Assert.Equal(RiskRule.MaxOrdersPerDay, refusal.Rule);
        Assert.Equal("2 orders went out today; the limit is 2 per day", refusal.Message);
        var nextDay = TestTicks.Ist(TestTicks.TradingDay.AddDays(1), 9, 30);
        Assert.True(risk.Check(Order(3), now: nextDay).IsAllowed);
    }

    [Fact]
    public void Orders_per_day_and_second_apply_to_exits_too()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOrdersPerSecond = 1 });
        risk.Engine.Accept(Order(1), Open);

        Assert.Equal(RiskRule.MaxOrdersPerSecond, Only(risk.Check(Limit(OrderSide.Sell, 65, 100m, purpose: OrderPurpose.Exit))).Rule);
    }

    [Fact]
    public void Same_order_within_the_window_is_a_duplicate()
    {
        var risk = new RiskFixture();  // window 3 s
        risk.Engine.Accept(Order(1), Open);

        var refusal = Only(risk.Check(Order(1), now: Open.AddSeconds(2)));

        Assert.Equal(RiskRule.Duplicate, refusal.Rule);
        Assert.Equal("The same order (Buy 65 NIFTY25D0226000CE) went out 2.0 s ago; duplicates within 3 s are refused", refusal.Message);
        Assert.True(risk.Check(Order(1), now: Open.AddSeconds(3)).IsAllowed);
    }

    [Fact]
    public void Different_quantity_side_instrument_or_strategy_is_not_a_duplicate()
    {
        var risk = new RiskFixture();
        risk.Engine.Accept(Order(1), Open);
        var soon = Open.AddSeconds(1);

        Assert.True(risk.Check(Order(2), now: soon).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 100m), now: soon).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m, Put), now: soon).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m, strategy: Guid.NewGuid()), now: soon).IsAllowed);
    }

    [Theory]
    [InlineData(OrderPurpose.Exit)]
    [InlineData(OrderPurpose.Unwind)]
    [InlineData(OrderPurpose.StopLoss)]
    [InlineData(OrderPurpose.Target)]
    public void Exits_are_never_duplicates(OrderPurpose purpose)
    {
        var risk = new RiskFixture();
        var exit = Limit(OrderSide.Sell, 65, 100m, purpose: purpose);
        risk.Engine.Accept(exit, Open);

        Assert.True(risk.Check(exit, now: Open.AddSeconds(1)).IsAllowed);
    }

    [Fact]
    public void Duplicate_window_of_zero_turns_the_rule_off()
    {
        var risk = new RiskFixture(RiskLimits.Default with { DuplicateWindowSeconds = 0 });
        risk.Engine.Accept(Order(1), Open);

        Assert.True(risk.Check(Order(1), now: Open).IsAllowed);
    }
}
