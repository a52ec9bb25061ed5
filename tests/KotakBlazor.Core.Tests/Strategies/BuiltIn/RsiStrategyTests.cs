using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.StrategyTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class RsiStrategyTests
{
    private static readonly Dictionary<string, string> Quick = new() { ["period"] = "5" };

    [Fact]
    public void Buys_when_rsi_climbs_back_above_oversold_and_sells_at_overbought()
    {
        decimal[] prices = [100, 101, 100, 101, 100, 98, 96, 94, 92, 90, 93, 96, 99, 102, 105, 108, 111, 112];

        var (signals, _) = Run(Settings(RsiStrategy.Definition, Reliance, Quick), Minutes(Reliance, prices));

        var rsi = new RelativeStrengthIndex(5);
        var values = prices[..^1].Select(p => { rsi.Update(p); return rsi.IsReady ? rsi.Value : (decimal?)null; }).ToList();
        var cross = Enumerable.Range(1, values.Count - 1).First(i => values[i - 1] < 30m && values[i] >= 30m);
        var exit = Enumerable.Range(cross + 1, values.Count - cross - 1).First(i => values[i] >= 70m);
        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        Assert.Equal([OrderSide.Buy, OrderSide.Sell], signals.Select(s => s.Legs.Single().Side));
        Assert.Equal(Ist(9, 15).AddMinutes(cross + 1), signals[0].Time);
        Assert.Equal(prices[cross + 1], signals[0].Legs[0].Price);
        Assert.Contains($"RSI(5) {values[cross]:0.00} crossed back above oversold 30 (low {values.Take(cross).Min():0.00})", signals[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Ist(9, 15).AddMinutes(exit + 1), signals[1].Time);
        Assert.Contains($"RSI(5) {values[exit]:0.00} reached 70: exit long", signals[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_at_50_when_asked()
    {
        decimal[] prices = [100, 101, 100, 101, 100, 98, 96, 94, 92, 90, 93, 96, 99, 102, 105, 108, 111, 112];

        var (signals, _) = Run(Settings(RsiStrategy.Definition, Reliance, new Dictionary<string, string>(Quick) { ["exitAtMidline"] = "true" }), Minutes(Reliance, prices));

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        Assert.Contains("reached 50: exit long", signals[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_market_that_never_gets_oversold_gives_no_signal()
    {
        decimal[] prices = [.. Enumerable.Range(0, 40).Select(i => 100m + (i % 2 == 0 ? 0m : 1m))];

        var (signals, _) = Run(Settings(RsiStrategy.Definition, Reliance, new Dictionary<string, string>(Quick) { ["direction"] = "Long and short" }), Minutes(Reliance, prices));

        Assert.Empty(signals);
    }
}
