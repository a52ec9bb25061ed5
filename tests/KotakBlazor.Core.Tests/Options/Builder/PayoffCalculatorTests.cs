using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Tests.Options;

namespace KotakBlazor.Core.Tests.Options.Builder;

/// <summary>Payoffs worked out by hand, one lot of 75.</summary>
public sealed class PayoffCalculatorTests
{
    [Fact]
    public void A_short_strangle_collects_both_premiums_breaks_even_that_far_outside_its_strikes_and_can_lose_without_limit()
    {
        // Sell 26,150 CE at 80 and 25,750 PE at 90: 170 a unit, 12,750 for 75.
        BuilderLeg[] legs = [Leg(26_150m, OptionType.Call, OrderSide.Sell, 80m), Leg(25_750m, OptionType.Put, OrderSide.Sell, 90m)];

        var analysis = PayoffCalculator.Analyse(legs, 25_950m, yearsToExpiry: 0, riskFreeRate: 0.065, stressPercent: 5m);

        Assert.Equal(12_750m, analysis.NetPremium);
        Assert.Equal([25_580m, 26_320m], analysis.Breakevens);
        Assert.Equal(12_750m, analysis.MaxProfit);
        Assert.Null(analysis.MaxLoss);
        // At 26,500: the call is 350 in the money: 75 x (170 - 350) = -13,500.
        Assert.Equal(-13_500m, PayoffCalculator.AtExpiry(legs, 26_500m));
        // The stress range is 25,950 +/- 5% = 24,652.50 .. 27,247.50; at either end 1,097.50 - 170 = 927.50 a unit is lost.
        Assert.Equal((24_652.50m, 27_247.50m), (analysis.StressLow, analysis.StressHigh));
        Assert.Equal(69_562.50m, analysis.WorstCase);
    }

    [Fact]
    public void An_iron_condor_caps_the_loss_at_the_wing_width_less_the_credit()
    {
        BuilderLeg[] legs =
        [
            Leg(26_350m, OptionType.Call, OrderSide.Buy, 30m),
            Leg(26_150m, OptionType.Call, OrderSide.Sell, 80m),
            Leg(25_750m, OptionType.Put, OrderSide.Sell, 90m),
            Leg(25_550m, OptionType.Put, OrderSide.Buy, 35m),
        ];

        var analysis = PayoffCalculator.Analyse(legs, 25_950m, 0, 0.065, stressPercent: 5m);

        // Credit 80 + 90 - 30 - 35 = 105 a unit; the loss past a wing is 200 - 105 = 95 a unit.
        Assert.Equal(7_875m, analysis.NetPremium);
        Assert.Equal(7_875m, analysis.MaxProfit);
        Assert.Equal(7_125m, analysis.MaxLoss);
        Assert.Equal([25_645m, 26_255m], analysis.Breakevens);
        Assert.Equal(7_125m, analysis.WorstCase);
    }

    [Fact]
    public void A_bull_call_spread_pays_a_debit_and_makes_the_width_less_it()
    {
        BuilderLeg[] legs = [Leg(25_950m, OptionType.Call, OrderSide.Buy, 150m), Leg(26_150m, OptionType.Call, OrderSide.Sell, 70m)];

        var analysis = PayoffCalculator.Analyse(legs, 25_950m, 0, 0.065);

        Assert.Equal(-6_000m, analysis.NetPremium);
        Assert.Equal(9_000m, analysis.MaxProfit);
        Assert.Equal(6_000m, analysis.MaxLoss);
        Assert.Equal([26_030m], analysis.Breakevens);
    }

    [Fact]
    public void Today_values_each_leg_with_black_scholes_at_its_own_volatility()
    {
        var years = 7 / 365.0;
        var call = Leg(26_150m, OptionType.Call, OrderSide.Sell, 80m) with { ImpliedVolatility = 0.12 };
        var put = Leg(25_750m, OptionType.Put, OrderSide.Sell, 90m) with { ImpliedVolatility = 0.15 };

        var today = PayoffCalculator.Today([call, put], 26_000m, years, 0.065)!.Value;

        var callValue = (decimal)BlackScholes.Price(OptionType.Call, 26_000, 26_150, years, 0.12, 0.065);
        var putValue = (decimal)BlackScholes.Price(OptionType.Put, 26_000, 25_750, years, 0.15, 0.065);
        Assert.Equal(Math.Round(75m * ((80m - callValue) + (90m - putValue)), 2), today);
    }

    [Fact]
    public void A_leg_without_a_volatility_is_valued_at_the_others_mean_and_without_any_there_is_no_today_curve()
    {
        var years = 7 / 365.0;
        var known = Leg(26_150m, OptionType.Call, OrderSide.Sell, 80m) with { ImpliedVolatility = 0.14 };
        var unknown = Leg(25_750m, OptionType.Put, OrderSide.Sell, 90m);

        var mixed = PayoffCalculator.Today([known, unknown], 26_000m, years, 0.065);
        var none = PayoffCalculator.Analyse([unknown], 26_000m, years, 0.065);

        var expected = 75m * ((80m - (decimal)BlackScholes.Price(OptionType.Call, 26_000, 26_150, years, 0.14, 0.065))
            + (90m - (decimal)BlackScholes.Price(OptionType.Put, 26_000, 25_750, years, 0.14, 0.065)));
        Assert.Equal(Math.Round(expected, 2), mixed);
        Assert.All(none.Curve, point => Assert.Null(point.Today));
    }

    [Fact]
    public void The_curve_spans_the_strikes_in_ascending_prices()
    {
        BuilderLeg[] legs = [Leg(26_150m, OptionType.Call, OrderSide.Sell, 80m), Leg(25_750m, OptionType.Put, OrderSide.Sell, 90m)];

        var curve = PayoffCalculator.Analyse(legs, 25_950m, 0, 0.065).Curve;

        Assert.Equal(PayoffCalculator.CurvePoints, curve.Count);
        Assert.True(curve[0].Spot < 25_750m && curve[^1].Spot > 26_150m);
        Assert.Equal(curve.OrderBy(p => p.Spot).Select(p => p.Spot), curve.Select(p => p.Spot));
        Assert.All(curve, p => Assert.Equal(PayoffCalculator.AtExpiry(legs, p.Spot), p.AtExpiry));
    }

    [Fact]
    public void The_daily_loss_budget_left_is_the_limit_plus_today_s_pnl()
    {
        var budget = new DailyLossBudget(50_000m, -10_000m, 60_000m);
        var unlimited = new DailyLossBudget(0m, -10_000m, 60_000m);

        Assert.Equal((40_000m, 150.0m, true), (budget.Remaining!.Value, budget.PercentOfRemaining!.Value, budget.Exceeds));
        Assert.Equal(30.0m, new DailyLossBudget(50_000m, 0m, 15_000m).PercentOfRemaining);
        Assert.False(new DailyLossBudget(50_000m, 0m, 15_000m).Exceeds);
        Assert.Null(unlimited.Remaining);
        Assert.False(unlimited.Exceeds);
    }

    private static BuilderLeg Leg(decimal strike, OptionType type, OrderSide side, decimal premium) =>
        new(TestOptions.Option(strike, type), side, 1) { Premium = premium };
}
