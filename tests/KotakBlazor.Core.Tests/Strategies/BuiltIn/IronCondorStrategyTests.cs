using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.OptionTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class IronCondorStrategyTests
{
    private const decimal Spot = 26010m;

    [Fact]
    public void Buys_the_wings_first_then_sells_the_strangle_and_exits_when_the_spot_breaches_a_short_strike()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 10));
        ticks.AddRange(market.Minutes(Ist(9, 25), [26100m, 26150m, 26210m, 26220m]));

        var (signals, _) = StrategyTestMarket.Run(Settings(), ticks, Catalog);

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        var entry = signals[0];
        var longCall = Option(Weekly, 26300m, OptionType.Call);
        var longPut = Option(Weekly, 25700m, OptionType.Put);
        var shortCall = Option(Weekly, 26200m, OptionType.Call);
        var shortPut = Option(Weekly, 25800m, OptionType.Put);
        Assert.Equal(
            [(longCall.Id, OrderSide.Buy), (longPut.Id, OrderSide.Buy), (shortCall.Id, OrderSide.Sell), (shortPut.Id, OrderSide.Sell)],
            entry.Legs.Select(l => (l.Instrument, l.Side)));
        Assert.All(entry.Legs, l => Assert.Equal((130, OrderType.Limit), (l.Quantity, l.OrderType)));
        var credit = entry.Legs.Sum(l => l.Side == OrderSide.Sell ? l.Price : -l.Price);
        Assert.Equal(Price(shortCall, Spot, 0.13, Ist(9, 20)) + Price(shortPut, Spot, 0.13, Ist(9, 20)) - Price(longCall, Spot, 0.13, Ist(9, 20)) - Price(longPut, Spot, 0.13, Ist(9, 20)), credit);
        Assert.Null(entry.StopLoss);
        Assert.Equal(Math.Round(credit * 0.5m, 2), entry.Target);
        Assert.Contains($"sold 25800 PE / 26200 CE, bought 25700 PE / 26300 CE for a net credit of {credit:0.00}", entry.Reason, StringComparison.Ordinal);
        Assert.Equal($"{100m - credit:0.00}", entry.Metadata["maxLoss"]);

        var exit = signals[1];
        Assert.Equal(Ist(9, 27), exit.Time);
        Assert.Equal("Spot 26210.00 breached the short call strike 26200", exit.Reason);
        Assert.Equal(
            [(shortCall.Id, OrderSide.Buy), (shortPut.Id, OrderSide.Buy), (longCall.Id, OrderSide.Sell), (longPut.Id, OrderSide.Sell)],
            exit.Legs.Select(l => (l.Instrument, l.Side)));
    }

    [Fact]
    public void Takes_profit_when_half_the_credit_is_earned()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 10));
        ticks.AddRange(market.At(Ist(9, 30), Spot, iv: 0.05));

        var (signals, _) = StrategyTestMarket.Run(Settings(), ticks, Catalog);

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        Assert.Contains($"reached the target {signals[0].Target:0.00}", signals[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_enter_when_a_wing_strike_is_not_listed()
    {
        var market = new OptionTestMarket();
        var ticks = market.Minutes(Ist(9, 15), Enumerable.Repeat(Spot, 30));

        var (signals, _) = StrategyTestMarket.Run(Settings(new Dictionary<string, string> { ["wingWidth"] = "1000" }), ticks, Catalog);

        Assert.Empty(signals);
    }

    private static Core.Strategies.StrategySettings Settings(Dictionary<string, string>? parameters = null) =>
        StrategyTestMarket.Settings(IronCondorStrategy.Definition, NiftyIndex, parameters, Catalog);
}
