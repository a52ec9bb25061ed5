using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using static KotakBlazor.Core.Tests.Risk.RiskFixture;

namespace KotakBlazor.Core.Tests.Risk;

/// <summary>The rules about the order itself: kill switch, hours, instrument, quantity, prices.</summary>
public sealed class RiskEngineOrderRulesTests
{
    private readonly RiskFixture _risk = new();

    private static RiskRefusal Only(RiskVerdict verdict)
    {
        Assert.False(verdict.IsAllowed);
        return Assert.Single(verdict.Refusals);
    }

    [Fact]
    public void Sound_limit_order_is_allowed_with_its_notional()
    {
        var verdict = _risk.Check(Limit(OrderSide.Buy, 65, 100m));

        Assert.True(verdict.IsAllowed);
        Assert.Empty(verdict.Refusals);
        Assert.Equal(1, verdict.SliceCount);
        Assert.False(verdict.NeedsSlicing);
        Assert.Equal(6_500m, verdict.Notional);  // 65 x LTP 100
        Assert.Equal("Allowed, notional \u20b96,500.00", verdict.Summary);
    }

    [Fact]
    public void Default_verdict_is_not_an_allowed_one()
    {
        var verdict = default(RiskVerdict);

        Assert.False(verdict.IsAllowed);
        Assert.Empty(verdict.Refusals);
        Assert.Equal("Not checked", verdict.Summary);
    }

    [Fact]
    public void Tripped_kill_switch_refuses_everything_exits_included()
    {
        _risk.KillSwitch.Trip("Broker outage", "admin", false, Open);

        var entry = Only(_risk.Check(Limit(OrderSide.Buy, 65, 100m)));
        var exit = Only(_risk.Check(Limit(OrderSide.Sell, 65, 100m, purpose: OrderPurpose.Exit)));

        Assert.Equal(RiskRule.KillSwitch, entry.Rule);
        Assert.Equal("The kill switch is tripped (Broker outage, by admin): no order may be placed until an admin resets it", entry.Message);
        Assert.Equal(RiskRule.KillSwitch, exit.Rule);

        _risk.KillSwitch.Reset("Broker back", "admin", Open);
        Assert.True(_risk.Check(Limit(OrderSide.Buy, 65, 100m)).IsAllowed);
    }

    [Fact]
    public void Closed_market_refuses_a_regular_order_and_says_when_it_opens()
    {
        var evening = TestTicks.Ist(16, 30);

        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, 65, 100m), now: evening));

        Assert.Equal(RiskRule.MarketClosed, refusal.Rule);
        Assert.Equal("The market is closed (16:30 IST); it opens at 09:15 IST on 25 Nov 2025. Place it as an after-market order or wait", refusal.Message);
    }

    [Fact]
    public void After_market_order_is_allowed_in_the_window_when_the_limits_allow_it()
    {
        var amo = Limit(OrderSide.Buy, 65, 100m) with { AfterMarket = true };

        Assert.True(_risk.Check(amo, now: TestTicks.Ist(16, 30)).IsAllowed);
        Assert.True(_risk.Check(amo, now: TestTicks.Ist(10, 0)).IsAllowed);  // open: the flag changes nothing here

        var between = Only(_risk.Check(amo, now: TestTicks.Ist(15, 45)));
        Assert.Equal(RiskRule.MarketClosed, between.Rule);
        Assert.Equal("The market is closed (15:45 IST) and the after-market window is not open", between.Message);

        _risk.Engine.UpdateLimits(RiskLimits.Default with { AllowAfterMarketOrders = false });
        var off = Only(_risk.Check(amo, now: TestTicks.Ist(16, 30)));
        Assert.Equal("The market is closed (16:30 IST) and after-market orders are turned off in the risk limits", off.Message);
    }

    [Fact]
    public void Unknown_instrument_is_refused()
    {
        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, 65, 100m, Unknown)));

        Assert.Equal(RiskRule.UnknownInstrument, refusal.Rule);
        Assert.Equal("Instrument nse_fo|99999 is not in the instrument list", refusal.Message);
    }

    [Fact]
    public void Index_is_not_tradable()
    {
        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, 1, 100m, NiftyIndex)));

        Assert.Equal(RiskRule.NotTradable, refusal.Rule);
        Assert.Equal("NIFTY 50 is an index: it is quoted, not traded", refusal.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-65)]
    public void Quantity_must_be_positive(int quantity)
    {
        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, quantity, 100m)));

        Assert.Equal(RiskRule.InvalidQuantity, refusal.Rule);
        Assert.Equal($"Quantity {quantity} must be positive", refusal.Message);
    }

    [Fact]
    public void Quantity_must_be_a_lot_multiple()
    {
        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, 70, 100m)));

        Assert.Equal(RiskRule.NotLotMultiple, refusal.Rule);
        Assert.Equal("Quantity 70 is not a multiple of the lot size 65 for NIFTY25D0226000CE", refusal.Message);
    }

    [Fact]
    public void Lots_per_order_are_capped()
    {
        _risk.Engine.UpdateLimits(RiskLimits.Default with { MaxLotsPerOrder = 10 });

        Assert.True(_risk.Check(Limit(OrderSide.Buy, 650, 100m)).IsAllowed);
        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, 715, 100m)));

        Assert.Equal(RiskRule.MaxLotsPerOrder, refusal.Rule);
        Assert.Equal("11 lots of NIFTY25D0226000CE is above the limit of 10 lots per order", refusal.Message);
    }

    [Fact]
    public void Above_the_freeze_quantity_is_allowed_and_reported_for_slicing()
    {
        // Freeze 1800 -> 27 lots (1755) per slice; 3900 = 1755 + 1755 + 390.
        var verdict = _risk.Check(Limit(OrderSide.Buy, 3900, 100m));

        Assert.True(verdict.IsAllowed);
        Assert.True(verdict.NeedsSlicing);
        Assert.Equal(3, verdict.SliceCount);
        Assert.Equal("Allowed in 3 slices, notional \u20b9390,000.00", verdict.Summary);
    }

    [Theory]
    [InlineData(OrderType.Limit, null, null, "Limit price must be positive for a limit order (given: none)")]
    [InlineData(OrderType.Limit, 0.0, null, "Limit price must be positive for a limit order (given: 0.00)")]
    [InlineData(OrderType.Limit, 100.03, null, "Limit price 100.03 is not a multiple of the tick size 0.05 for NIFTY25D0226000CE")]
    [InlineData(OrderType.StopLoss, 100.0, null, "Trigger price must be positive for a stop-loss order (given: none)")]
    [InlineData(OrderType.StopLossMarket, null, null, "Trigger price must be positive for a stop-loss market order (given: none)")]
    [InlineData(OrderType.StopLossMarket, null, 99.99, "Trigger price 99.99 is not a multiple of the tick size 0.05 for NIFTY25D0226000CE")]
    [InlineData(OrderType.StopLoss, 100.0, 100.5, "For a buy stop-loss the trigger 100.50 must not be above the limit 100.00")]
    public void Prices_must_be_present_positive_on_the_tick_and_ordered(OrderType type, double? limit, double? trigger, string message)
    {
        var request = Limit(OrderSide.Buy, 65, 0m) with { Type = type, LimitPrice = (decimal?)limit, TriggerPrice = (decimal?)trigger };

        var refusal = Only(_risk.Check(request));

        Assert.Equal(RiskRule.InvalidPrice, refusal.Rule);
        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void Sell_stop_loss_triggers_at_or_above_its_limit()
    {
        var request = Limit(OrderSide.Sell, 65, 98m) with { Type = OrderType.StopLoss, TriggerPrice = 97.5m };

        Assert.Equal("For a sell stop-loss the trigger 97.50 must not be below the limit 98.00", Only(_risk.Check(request)).Message);
        Assert.True(_risk.Check(request with { TriggerPrice = 98.5m }).IsAllowed);
        Assert.True(_risk.Check(request with { Side = OrderSide.Buy, LimitPrice = 102m, TriggerPrice = 101.5m }).IsAllowed);
        Assert.True(_risk.Check(request with { Type = OrderType.StopLossMarket, LimitPrice = null }).IsAllowed);
    }

    [Fact]
    public void Limit_price_outside_the_band_is_refused()
    {
        // 5% band around 100: 95..105 allowed.
        Assert.True(_risk.Check(Limit(OrderSide.Buy, 65, 105m)).IsAllowed);
        Assert.True(_risk.Check(Limit(OrderSide.Sell, 65, 95m)).IsAllowed);

        var refusal = Only(_risk.Check(Limit(OrderSide.Buy, 65, 106.5m)));

        Assert.Equal(RiskRule.PriceOutsideBand, refusal.Rule);
        Assert.Equal("Limit price 106.50 is 6.5% from the last price 100.00 of NIFTY25D0226000CE; the band is 5%", refusal.Message);
    }

    [Fact]
    public void Trigger_price_outside_the_band_is_refused()
    {
        var stop = Limit(OrderSide.Sell, 65, 89.95m) with { Type = OrderType.StopLoss, TriggerPrice = 90m };

        var verdict = _risk.Check(stop);

        Assert.Equal([RiskRule.PriceOutsideBand, RiskRule.PriceOutsideBand], verdict.Refusals.Select(r => r.Rule));
        Assert.Equal("Trigger price 90.00 is 10% from the last price 100.00 of NIFTY25D0226000CE; the band is 5%", verdict.Refusals[1].Message);

        _risk.Engine.UpdateLimits(RiskLimits.Default with { PriceBandPercent = 0m });
        Assert.True(_risk.Check(stop).IsAllowed);
    }

    [Theory]
    [InlineData(OrderPurpose.StopLoss)]
    [InlineData(OrderPurpose.Target)]
    public void Protective_stops_and_targets_rest_outside_the_band(OrderPurpose purpose)
    {
        // A stop 20% under an option's LTP, a target 30% above it.
        var stop = Limit(OrderSide.Sell, 65, 79.95m, purpose: purpose) with { Type = OrderType.StopLoss, TriggerPrice = 80m };
        var target = Limit(OrderSide.Sell, 65, 130m, purpose: purpose);

        Assert.True(_risk.Check(stop).IsAllowed);
        Assert.True(_risk.Check(target).IsAllowed);
        Assert.True(_risk.Check(target with { Purpose = OrderPurpose.Exit }).IsRefusedBy(RiskRule.PriceOutsideBand));
    }

    [Fact]
    public void Market_entry_without_a_last_price_is_refused()
    {
        var refusal = Only(_risk.Check(Market(OrderSide.Buy, 65), lastPrice: null));

        Assert.Equal(RiskRule.NoLastPrice, refusal.Rule);
        Assert.Equal("No last price yet for NIFTY25D0226000CE: a market order cannot be checked against the price band. Wait for a tick or use a limit order", refusal.Message);
        Assert.True(_risk.Check(Market(OrderSide.Buy, 65), lastPrice: 100m).IsAllowed);
    }

    [Fact]
    public void Without_a_last_price_a_limit_entry_and_a_market_exit_still_go()
    {
        var limit = _risk.Check(Limit(OrderSide.Buy, 65, 100m), lastPrice: null);
        var exit = _risk.Check(Market(OrderSide.Sell, 65, purpose: OrderPurpose.Exit), lastPrice: null);

        Assert.True(limit.IsAllowed);
        Assert.Equal(6_500m, limit.Notional);  // valued at the limit price
        Assert.True(exit.IsAllowed);
        Assert.Equal(0m, exit.Notional);
    }

    [Fact]
    public void Position_book_price_stands_in_when_the_caller_has_none()
    {
        _risk.Book.Mark(Call, 200m);

        var verdict = _risk.Check(Limit(OrderSide.Buy, 65, 100m), lastPrice: null);

        Assert.Equal(RiskRule.PriceOutsideBand, Only(verdict).Rule);
        Assert.True(_risk.Check(Market(OrderSide.Buy, 65), lastPrice: null).IsAllowed);
    }

    [Fact]
    public void Every_rule_is_evaluated_and_every_refusal_returned()
    {
        _risk.KillSwitch.Trip("Stop", "admin", false, Open);
        var request = Limit(OrderSide.Buy, 70, 100.03m);

        var verdict = _risk.Check(request, now: TestTicks.Ist(16, 30));

        Assert.Equal(
            [RiskRule.KillSwitch, RiskRule.MarketClosed, RiskRule.NotLotMultiple, RiskRule.InvalidPrice],
            verdict.Refusals.Select(r => r.Rule));
        Assert.True(verdict.IsRefusedBy(RiskRule.NotLotMultiple));
        Assert.False(verdict.IsRefusedBy(RiskRule.Duplicate));
        Assert.StartsWith("Refused: The kill switch is tripped", verdict.Summary);
        Assert.Contains("; Quantity 70 is not a multiple of the lot size 65", verdict.Summary);
    }

    [Fact]
    public void Negative_limits_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _risk.Engine.UpdateLimits(RiskLimits.Default with { MaxDailyLoss = -1m }));
        Assert.Throws<ArgumentException>(() => _risk.Engine.UpdateLimits(RiskLimits.Default with { MaxOrdersPerSecond = -1 }));
        Assert.Equal(RiskLimits.Default, _risk.Engine.Limits);
    }
}
