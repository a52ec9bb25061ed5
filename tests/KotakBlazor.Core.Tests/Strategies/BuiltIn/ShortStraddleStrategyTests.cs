using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.OptionTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class ShortStraddleStrategyTests
{
    private const decimal Spot = 26010m;

    [Fact]
    public void Sells_the_atm_straddle_at_the_entry_time_and_buys_it_back_when_the_premium_hits_the_stop()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 16));
        ticks.AddRange(market.At(Ist(9, 31), Spot, iv: 0.30));
        ticks.AddRange(market.Minutes(Ist(9, 32), Enumerable.Repeat(Spot, 10), iv: 0.13));

        var (signals, _) = StrategyTestMarket.Run(Straddle(), ticks, Catalog);

        Assert.Equal(2, signals.Count);
        var entry = signals[0];
        var call = Option(Weekly, 26000m, OptionType.Call);
        var put = Option(Weekly, 26000m, OptionType.Put);
        var callPrice = Price(call, Spot, 0.13, Ist(9, 20));
        var putPrice = Price(put, Spot, 0.13, Ist(9, 20));
        var premium = callPrice + putPrice;
        Assert.Equal(SignalKind.Entry, entry.Kind);
        Assert.Equal(Ist(9, 20), entry.Time);
        Assert.Equal(
            [(call.TradingSymbol, OrderSide.Sell, 130, OrderType.Limit, callPrice), (put.TradingSymbol, OrderSide.Sell, 130, OrderType.Limit, putPrice)],
            entry.Legs.Select(l => (l.TradingSymbol, l.Side, l.Quantity, l.OrderType, l.Price)));
        Assert.Equal(Math.Round(premium * 1.3m, 2), entry.StopLoss);
        Assert.Equal(Math.Round(premium * 0.5m, 2), entry.Target);
        Assert.Contains($"Short straddle: sold 26000 CE @ {callPrice:0.00} + 26000 PE @ {putPrice:0.00} = {premium:0.00} premium, spot 26010.00", entry.Reason, StringComparison.Ordinal);
        Assert.Equal("26000.00", entry.Metadata["callStrike"]);
        Assert.Equal(0.5m, entry.Confidence);

        var exit = signals[1];
        Assert.Equal(SignalKind.Exit, exit.Kind);
        Assert.Equal(Ist(9, 31), exit.Time);
        Assert.Equal([(call.Id, OrderSide.Buy, 130), (put.Id, OrderSide.Buy, 130)], exit.Legs.Select(l => (l.Instrument, l.Side, l.Quantity)));
        Assert.Contains($"reached the stop-loss {entry.StopLoss:0.00} (entry {premium:0.00})", exit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sells_a_strangle_by_delta_on_the_next_weekly_expiry_and_exits_at_the_exit_time()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 8));
        ticks.AddRange(market.At(Ist(15, 15), Spot));
        var parameters = new Dictionary<string, string> { ["strikeSelection"] = "Delta", ["targetDelta"] = "0.2", ["expiry"] = "Next weekly" };

        var (signals, _) = StrategyTestMarket.Run(Straddle(parameters), ticks, Catalog);

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        var (callStrike, putStrike) = (NearestDelta(OptionType.Call, 0.2), NearestDelta(OptionType.Put, 0.2));
        Assert.True(callStrike > Spot && putStrike < Spot);
        Assert.Equal([Option(NextWeekly, callStrike, OptionType.Call).Id, Option(NextWeekly, putStrike, OptionType.Put).Id], signals[0].Legs.Select(l => l.Instrument));
        Assert.StartsWith("Short strangle", signals[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Ist(15, 15), signals[1].Time);
        Assert.StartsWith("Exit time 15:15 IST reached", signals[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_sell_while_the_atm_iv_is_below_the_minimum()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 30));

        var (signals, _) = StrategyTestMarket.Run(Straddle(new Dictionary<string, string> { ["minAtmIv"] = "20" }), ticks, Catalog);

        Assert.Empty(signals);
    }

    [Fact]
    public void Sells_once_the_atm_iv_reaches_the_minimum_with_confidence_from_the_iv()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 10));
        ticks.AddRange(market.Minutes(Ist(9, 25), Enumerable.Repeat(Spot, 3), iv: 0.24));

        var (signals, _) = StrategyTestMarket.Run(Straddle(new Dictionary<string, string> { ["minAtmIv"] = "20", ["stopLossPercent"] = "0", ["targetPercent"] = "0" }), ticks, Catalog);

        var entry = Assert.Single(signals);
        // The 09:25 index tick closes the 09:24 bar after the options repriced at the higher IV.
        Assert.Equal(Ist(9, 25), entry.Time);
        Assert.Null(entry.StopLoss);
        Assert.Null(entry.Target);
        Assert.InRange(entry.Confidence, 0.59m, 0.61m);
        Assert.Contains("ATM IV 24.0%", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_sell_before_the_options_have_prices()
    {
        var market = new OptionTestMarket();
        var indexOnly = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 30)).Where(t => t.Instrument == NiftyIndex.Id);

        var (signals, kernel) = StrategyTestMarket.Run(Straddle(), indexOnly, Catalog);

        Assert.Empty(signals);
        Assert.Null(kernel.Strategies.Single().Error);
    }

    [Fact]
    public void The_same_ticks_give_the_same_signals()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 16));
        ticks.AddRange(market.Minutes(Ist(9, 31), [26100m, 26200m, 26300m], iv: 0.2));
        var settings = Straddle(new Dictionary<string, string> { ["strikeSelection"] = "Delta" });

        var first = StrategyTestMarket.Run(settings, ticks, Catalog).Signals;
        var second = StrategyTestMarket.Run(settings, ticks, Catalog).Signals;

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(StrategyTestMarket.Describe), second.Select(StrategyTestMarket.Describe));
    }

    private static Core.Strategies.StrategySettings Straddle(Dictionary<string, string>? parameters = null) =>
        StrategyTestMarket.Settings(ShortStraddleStrategy.Definition, NiftyIndex, parameters, Catalog);

    private static decimal NearestDelta(OptionType type, double target)
    {
        // The delta each strike has at the IV the market priced it with, at the 09:20 entry.
        var years = OptionChainBuilder.YearsToExpiry(NextWeekly, Ist(9, 20));
        return OptionTestMarket.Options.Where(o => o.Expiry == NextWeekly && o.OptionType == type)
            .OrderBy(o => Math.Abs(Math.Abs(BlackScholes.Greeks(type, (double)Spot, (double)o.Strike!.Value, years, 0.13, Rate).Delta) - target))
            .First().Strike!.Value;
    }
}
