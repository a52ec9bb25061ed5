using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Options.Builder;

public sealed class OptionStrategyBuilderTests
{
    [Fact]
    public void A_strangle_by_points_sells_the_strikes_nearest_spot_plus_and_minus_the_points()
    {
        var chain = BuilderChains.Priced(25_960m);

        var built = OptionStrategyBuilder.Build(chain, new StrategyShape(OptionStrategyKind.ShortStrangle, 3, Points: 200m));

        Assert.True(built.Succeeded, built.Problem);
        // 25,960 + 200 = 26,160 -> 26,150; 25,960 - 200 = 25,760 -> 25,750.
        Assert.Equal([(26_150m, OptionType.Call, OrderSide.Sell), (25_750m, OptionType.Put, OrderSide.Sell)], Described(built.Legs));
        Assert.All(built.Legs, leg => Assert.Equal((3, 225), (leg.Lots, leg.Quantity)));
        Assert.All(built.Legs, leg => Assert.True(leg.Premium > 0 && leg.ImpliedVolatility is > 0.12 and < 0.14 && leg.Delta is not null));
    }

    [Fact]
    public void On_a_tie_a_seller_gets_the_strike_further_out_of_the_money()
    {
        var chain = BuilderChains.Priced(25_975m);

        var built = OptionStrategyBuilder.Build(chain, new StrategyShape(OptionStrategyKind.ShortStrangle, 1, Points: 200m));

        // 26,175 sits between 26,150 and 26,200; 25,775 between 25,750 and 25,800.
        Assert.Equal([26_200m, 25_750m], built.Legs.Select(l => l.Instrument.Strike!.Value));
    }

    [Fact]
    public void A_strangle_by_delta_sells_the_call_and_put_whose_delta_is_nearest_the_target()
    {
        var chain = BuilderChains.Priced(25_950m);

        var built = OptionStrategyBuilder.Build(chain, new StrategyShape(OptionStrategyKind.ShortStrangle, 1, StrikeChoice.Delta, Delta: 0.15));

        Assert.True(built.Succeeded, built.Problem);
        var years = chain.YearsToExpiry;
        foreach (var leg in built.Legs)
        {
            var type = leg.Instrument.OptionType!.Value;
            // Every other listed strike of the same type is at least as far from 0.15 (deltas from the model at 13%).
            var chosen = Math.Abs(Math.Abs(BlackScholes.Greeks(type, 25_950, (double)leg.Instrument.Strike!.Value, years, 0.13, 0.065).Delta) - 0.15);
            foreach (var row in chain.Rows)
            {
                var other = Math.Abs(Math.Abs(BlackScholes.Greeks(type, 25_950, (double)row.Strike, years, 0.13, 0.065).Delta) - 0.15);
                Assert.True(chosen <= other + 0.002, $"{type} {leg.Instrument.Strike} (|delta - 0.15| {chosen:0.0000}) vs {row.Strike} ({other:0.0000})");
            }
        }

        Assert.True(built.Legs[0].Instrument.Strike > 25_950m && built.Legs[1].Instrument.Strike < 25_950m);
    }

    [Fact]
    public void Strikes_by_delta_need_prices()
    {
        var built = OptionStrategyBuilder.Build(BuilderChains.Unpriced(25_950m), new StrategyShape(OptionStrategyKind.ShortStrangle, 1, StrikeChoice.Delta));

        Assert.False(built.Succeeded);
        Assert.StartsWith("No deltas yet", built.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_straddle_sells_the_at_the_money_call_and_put()
    {
        var built = OptionStrategyBuilder.Build(BuilderChains.Priced(25_960m), new StrategyShape(OptionStrategyKind.ShortStraddle, 2));

        Assert.Equal([(25_950m, OptionType.Call, OrderSide.Sell), (25_950m, OptionType.Put, OrderSide.Sell)], Described(built.Legs));
    }

    [Fact]
    public void An_iron_condor_buys_wings_beyond_the_short_strikes()
    {
        var built = OptionStrategyBuilder.Build(BuilderChains.Priced(25_950m), new StrategyShape(OptionStrategyKind.IronCondor, 1, Points: 300m, WingPoints: 150m));

        Assert.Equal(
            [(26_400m, OptionType.Call, OrderSide.Buy), (26_250m, OptionType.Call, OrderSide.Sell), (25_650m, OptionType.Put, OrderSide.Sell), (25_500m, OptionType.Put, OrderSide.Buy)],
            Described(built.Legs));
    }

    [Fact]
    public void Wings_beyond_the_listed_strikes_are_refused()
    {
        var built = OptionStrategyBuilder.Build(BuilderChains.Priced(25_950m), new StrategyShape(OptionStrategyKind.IronCondor, 1, Points: 650m, WingPoints: 200m));

        Assert.False(built.Succeeded);
        Assert.Contains("no strikes beyond the short legs", built.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bull_call_spread_buys_at_the_money_and_sells_the_width_higher_and_a_bear_put_the_mirror()
    {
        var chain = BuilderChains.Priced(25_960m);

        var bull = OptionStrategyBuilder.Build(chain, new StrategyShape(OptionStrategyKind.BullCallSpread, 1, Points: 0m, WingPoints: 200m));
        var bear = OptionStrategyBuilder.Build(chain, new StrategyShape(OptionStrategyKind.BearPutSpread, 1, Points: 0m, WingPoints: 200m));

        Assert.Equal([(25_950m, OptionType.Call, OrderSide.Buy), (26_150m, OptionType.Call, OrderSide.Sell)], Described(bull.Legs));
        Assert.Equal([(25_950m, OptionType.Put, OrderSide.Buy), (25_750m, OptionType.Put, OrderSide.Sell)], Described(bear.Legs));
    }

    [Fact]
    public void Zero_lots_are_refused()
    {
        var built = OptionStrategyBuilder.Build(BuilderChains.Priced(25_950m), new StrategyShape(OptionStrategyKind.ShortStrangle, 0));

        Assert.Equal("Lots must be at least 1 (given 0).", built.Problem);
        Assert.Empty(built.Legs);
    }

    [Fact]
    public void An_edited_leg_moves_to_another_strike_and_is_quoted_there()
    {
        var chain = BuilderChains.Priced(25_950m);
        var leg = OptionStrategyBuilder.Build(chain, new StrategyShape(OptionStrategyKind.ShortStrangle, 1)).Legs[0];

        var moved = OptionStrategyBuilder.MoveTo(leg, chain, 26_300m)!;

        Assert.Equal((26_300m, OptionType.Call, OrderSide.Sell, 1), (moved.Instrument.Strike!.Value, moved.Instrument.OptionType!.Value, moved.Side, moved.Lots));
        Assert.Equal(chain.Rows.Single(r => r.Strike == 26_300m).Call!.LastPrice, moved.Premium);
        Assert.True(moved.Premium < leg.Premium);
        Assert.Null(OptionStrategyBuilder.MoveTo(leg, chain, 27_000m));
    }

    private static (decimal Strike, OptionType Type, OrderSide Side)[] Described(IReadOnlyList<BuilderLeg> legs) =>
        [.. legs.Select(l => (l.Instrument.Strike!.Value, l.Instrument.OptionType!.Value, l.Side))];
}
