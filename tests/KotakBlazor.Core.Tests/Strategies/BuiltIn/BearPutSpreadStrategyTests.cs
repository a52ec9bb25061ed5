using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.OptionTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class BearPutSpreadStrategyTests
{
    [Fact]
    public void Buys_the_atm_put_and_sells_one_a_width_lower_on_a_downtrend_and_exits_at_the_exit_time()
    {
        var market = new OptionTestMarket();
        var falling = Enumerable.Range(0, 12).Select(i => 26100m - (10m * i)).ToList();
        var ticks = market.Minutes(Ist(9, 15), falling);
        ticks.AddRange(market.At(Ist(15, 15), falling[^1]));

        var (signals, _) = StrategyTestMarket.Run(StrategyTestMarket.Settings(BearPutSpreadStrategy.Definition, NiftyIndex, BullCallSpreadStrategyTests.Quick, Catalog), ticks, Catalog);

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        var spot = falling[5];
        var atm = Math.Round(spot / 50m) * 50m;
        var bought = Option(Weekly, atm, OptionType.Put);
        var sold = Option(Weekly, atm - 100m, OptionType.Put);
        Assert.Equal([(bought.Id, OrderSide.Buy, 130), (sold.Id, OrderSide.Sell, 130)], signals[0].Legs.Select(l => (l.Instrument, l.Side, l.Quantity)));
        Assert.Contains($"below VWAP", signals[0].Reason, StringComparison.Ordinal);
        Assert.Contains($"bought {atm:0} PE", signals[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("Exit time 15:15 IST reached with spread value", signals[1].Reason, StringComparison.Ordinal);
        Assert.Equal(Ist(15, 15), signals[1].Time);
    }

    [Fact]
    public void A_rising_market_gives_no_bear_spread()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Range(0, 30).Select(i => 25900m + (10m * i)));

        var (signals, _) = StrategyTestMarket.Run(StrategyTestMarket.Settings(BearPutSpreadStrategy.Definition, NiftyIndex, BullCallSpreadStrategyTests.Quick, Catalog), ticks, Catalog);

        Assert.Empty(signals);
    }
}
