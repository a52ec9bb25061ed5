using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.OptionTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class BullCallSpreadStrategyTests
{
    internal static readonly Dictionary<string, string> Quick = new()
    {
        ["fastPeriod"] = "3",
        ["slowPeriod"] = "5",
        ["entryTime"] = "09:20",
        ["stopLossPercent"] = "90",
        ["targetPercent"] = "400",
    };

    [Fact]
    public void Buys_the_atm_call_and_sells_one_a_width_higher_on_an_uptrend_and_exits_when_it_turns()
    {
        var market = new OptionTestMarket();
        var rising = Enumerable.Range(0, 12).Select(i => 25900m + (10m * i)).ToList();
        var ticks = market.Minutes(Ist(9, 15), rising);
        ticks.AddRange(market.Minutes(Ist(9, 27), Enumerable.Range(1, 12).Select(i => 26010m - (25m * i))));

        var (signals, _) = StrategyTestMarket.Run(StrategyTestMarket.Settings(BullCallSpreadStrategy.Definition, NiftyIndex, Quick, Catalog), ticks, Catalog);

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        var entry = signals[0];
        Assert.Equal(Ist(9, 20), entry.Time);
        var spot = rising[5];
        var atm = Math.Round(spot / 50m) * 50m;
        var bought = Option(Weekly, atm, OptionType.Call);
        var sold = Option(Weekly, atm + 100m, OptionType.Call);
        var (boughtPrice, soldPrice) = (Price(bought, spot, 0.13, Ist(9, 20)), Price(sold, spot, 0.13, Ist(9, 20)));
        Assert.Equal(
            [(bought.Id, OrderSide.Buy, 130, OrderType.Limit, boughtPrice), (sold.Id, OrderSide.Sell, 130, OrderType.Limit, soldPrice)],
            entry.Legs.Select(l => (l.Instrument, l.Side, l.Quantity, l.OrderType, l.Price)));
        var debit = boughtPrice - soldPrice;
        Assert.Equal(Math.Round(debit * 0.1m, 2), entry.StopLoss);
        Assert.Equal(Math.Round(debit * 5m, 2), entry.Target);
        Assert.Contains($"bought {atm:0} CE @ {boughtPrice:0.00}, sold {atm + 100m:0} CE @ {soldPrice:0.00}, debit {debit:0.00}", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("above VWAP", entry.Reason, StringComparison.Ordinal);

        var exit = signals[1];
        Assert.StartsWith("Trend turned", exit.Reason, StringComparison.Ordinal);
        Assert.Equal([(sold.Id, OrderSide.Buy), (bought.Id, OrderSide.Sell)], exit.Legs.Select(l => (l.Instrument, l.Side)));
    }

    [Fact]
    public void A_falling_market_gives_no_bull_spread()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Range(0, 30).Select(i => 26200m - (10m * i)));

        var (signals, _) = StrategyTestMarket.Run(StrategyTestMarket.Settings(BullCallSpreadStrategy.Definition, NiftyIndex, Quick, Catalog), ticks, Catalog);

        Assert.Empty(signals);
    }
}
