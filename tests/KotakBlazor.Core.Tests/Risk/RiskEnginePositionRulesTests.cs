using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using static KotakBlazor.Core.Tests.Risk.RiskFixture;

namespace KotakBlazor.Core.Tests.Risk;

/// <summary>The rules about the account: open positions, exposure, daily loss; exits and reducing orders pass them.</summary>
public sealed class RiskEnginePositionRulesTests
{
    private static RiskRefusal Only(RiskVerdict verdict)
    {
        Assert.False(verdict.IsAllowed);
        return Assert.Single(verdict.Refusals);
    }

    [Fact]
    public void New_position_past_the_open_positions_limit_is_refused()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOpenPositions = 1 });
        risk.Hold(OrderSide.Buy, 65, 100m, Put);

        var refusal = Only(risk.Check(Limit(OrderSide.Buy, 65, 100m)));

        Assert.Equal(RiskRule.MaxOpenPositions, refusal.Rule);
        Assert.Equal("A new position in NIFTY25D0226000CE would make 2 open positions; the limit is 1", refusal.Message);
    }

    [Fact]
    public void Adding_to_or_closing_an_open_position_does_not_count_as_a_new_one()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxOpenPositions = 1 });
        risk.Hold(OrderSide.Buy, 65, 100m, Put);

        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m, Put)).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 100m, Put)).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m, purpose: OrderPurpose.Exit)).IsAllowed);
    }

    [Fact]
    public void Instrument_exposure_is_checked_after_the_order()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxExposurePerInstrument = 10_000m });

        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m)).IsAllowed);  // 65 x 100 = 6,500
        risk.Hold(OrderSide.Buy, 65, 100m);

        var refusal = Only(risk.Check(Limit(OrderSide.Buy, 65, 100m)));   // 130 x 100 = 13,000

        Assert.Equal(RiskRule.MaxExposurePerInstrument, refusal.Rule);
        Assert.Equal("Exposure in NIFTY25D0226000CE would be \u20b913,000.00 after this order; the limit is \u20b910,000.00", refusal.Message);
    }

    [Fact]
    public void Reducing_order_is_always_allowed_but_a_reversal_is_checked()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxExposurePerInstrument = 10_000m });
        risk.Hold(OrderSide.Buy, 130, 100m);  // 13,000: above the limit already (it was lowered)

        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 100m)).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 130, 100m)).IsAllowed);

        // Selling 260 from +130 leaves -130: 13,000 again, a new short.
        var refusal = Only(risk.Check(Limit(OrderSide.Sell, 260, 100m)));
        Assert.Equal(RiskRule.MaxExposurePerInstrument, refusal.Rule);
    }

    [Fact]
    public void Exposure_counts_every_product_of_the_instrument()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxExposurePerInstrument = 10_000m });
        risk.Hold(OrderSide.Buy, 65, 100m);  // NRML

        var mis = Limit(OrderSide.Buy, 65, 100m) with { Product = ProductType.Mis };

        Assert.Equal(RiskRule.MaxExposurePerInstrument, Only(risk.Check(mis)).Rule);  // 65 NRML + 65 MIS = 13,000
    }

    [Fact]
    public void Total_exposure_is_checked_after_the_order()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxTotalExposure = 15_000m });
        risk.Hold(OrderSide.Buy, 65, 100m, Put);  // 6,500

        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m)).IsAllowed);  // 6,500 + 6,500 = 13,000

        var refusal = Only(risk.Check(Limit(OrderSide.Buy, 130, 100m)));   // 6,500 + 13,000 = 19,500

        Assert.Equal(RiskRule.MaxTotalExposure, refusal.Rule);
        Assert.Equal("Total exposure would be \u20b919,500.00 after this order; the limit is \u20b915,000.00", refusal.Message);
    }

    [Fact]
    public void Total_exposure_values_the_instrument_at_the_order_reference_price()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxTotalExposure = 15_000m });
        risk.Hold(OrderSide.Buy, 65, 100m);   // 6,500 at 100
        risk.Book.Mark(Call, 110m);           // 7,150

        // Caller's LTP 120: after = 130 x 120 = 15,600, not 7,150 + 65 x 120 = 14,950.
        Assert.Equal(RiskRule.MaxTotalExposure, Only(risk.Check(Limit(OrderSide.Buy, 65, 120m), lastPrice: 120m)).Rule);
    }

    [Fact]
    public void Exits_skip_the_exposure_rules()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxExposurePerInstrument = 1_000m, MaxTotalExposure = 1_000m });

        // An unwind buy-back with nothing in the book (the group's leg is held elsewhere, say) still goes.
        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 100m, purpose: OrderPurpose.Unwind)).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 100m, purpose: OrderPurpose.StopLoss)).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 100m, purpose: OrderPurpose.Target)).IsAllowed);
        Assert.Equal(2, risk.Check(Limit(OrderSide.Buy, 65, 100m)).Refusals.Count);
    }

    [Fact]
    public void After_the_daily_loss_limit_only_exits_and_reducing_orders_go()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxDailyLoss = 1_000m });
        risk.Hold(OrderSide.Buy, 65, 100m);
        risk.Book.Mark(Call, 80m);  // (80 - 100) x 65 = -1,300

        var refusal = Only(risk.Check(Limit(OrderSide.Buy, 65, 80m), lastPrice: 80m));

        Assert.Equal(RiskRule.MaxDailyLoss, refusal.Rule);
        Assert.Equal("The day's loss \u20b91,300.00 has reached the limit of \u20b91,000.00: only exits and orders that reduce a position are allowed", refusal.Message);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 80m), lastPrice: 80m).IsAllowed);
        Assert.True(risk.Check(Limit(OrderSide.Sell, 65, 80m, Put, OrderPurpose.Exit), lastPrice: 80m).IsAllowed);
        Assert.Equal(RiskRule.MaxDailyLoss, Only(risk.Check(Limit(OrderSide.Sell, 65, 80m, Put), lastPrice: 80m)).Rule);
    }

    [Fact]
    public void Loss_below_the_limit_and_a_limit_of_zero_refuse_nothing()
    {
        var risk = new RiskFixture(RiskLimits.Default with { MaxDailyLoss = 1_000m });
        risk.Hold(OrderSide.Buy, 65, 100m);
        risk.Book.Mark(Call, 85m);  // -975

        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 85m), lastPrice: 85m).IsAllowed);

        risk.Book.Mark(Call, 50m);  // -3,250
        risk.Engine.UpdateLimits(RiskLimits.Default with { MaxDailyLoss = 0m });
        Assert.True(risk.Check(Limit(OrderSide.Buy, 65, 50m), lastPrice: 50m).IsAllowed);
    }
}
