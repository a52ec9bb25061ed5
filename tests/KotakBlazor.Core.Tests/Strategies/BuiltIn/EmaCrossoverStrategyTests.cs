using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.StrategyTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class EmaCrossoverStrategyTests
{
    private static readonly Dictionary<string, string> Fast = new()
    {
        ["fastPeriod"] = "3",
        ["slowPeriod"] = "5",
        ["atrPeriod"] = "3",
        ["stopAtr"] = "2",
        ["riskReward"] = "1.5",
    };

    private static readonly decimal[] FallThenRise = [100, 99, 98, 97, 96, 95, 94, 93, 96, 99, 100, 100.5m, 101];

    [Fact]
    public void Fast_crossing_above_slow_buys_with_an_atr_stop_and_a_risk_reward_target()
    {
        var (signals, _) = Run(Settings(EmaCrossoverStrategy.Definition, Reliance, Fast), Minutes(Reliance, FallThenRise));

        var expected = FirstCross(FallThenRise[..^1]);
        var entry = Assert.Single(signals);
        Assert.Equal(SignalKind.Entry, entry.Kind);
        Assert.Equal(Ist(9, 15).AddMinutes(expected.Bar + 1), entry.Time);
        var price = FallThenRise[expected.Bar + 1];
        var leg = Assert.Single(entry.Legs);
        Assert.Equal(("RELIANCE-EQ", OrderSide.Buy, 2, OrderType.Market, price), (leg.TradingSymbol, leg.Side, leg.Quantity, leg.OrderType, leg.Price));
        Assert.Equal(Reliance.RoundToTick(price - (2m * expected.Atr)), entry.StopLoss);
        Assert.Equal(Reliance.RoundToTick(price + (3m * expected.Atr)), entry.Target);
        Assert.Contains($"EMA(3) {expected.Fast:0.00} crossed above EMA(5) {expected.Slow:0.00}", entry.Reason, StringComparison.Ordinal);
        Assert.Equal($"{expected.Fast:0.00}", entry.Metadata["fastEma"]);
        Assert.InRange(entry.Confidence, 0.5m, 1m);
    }

    [Fact]
    public void Long_and_short_exits_the_long_and_sells_short_on_the_cross_below()
    {
        decimal[] prices = [.. FallThenRise, 100, 98, 96, 94, 92, 91];
        var parameters = new Dictionary<string, string>(Fast) { ["direction"] = "Long and short", ["stopAtr"] = "0" };
        var (signals, _) = Run(Settings(EmaCrossoverStrategy.Definition, Reliance, parameters), Minutes(Reliance, prices));

        Assert.Equal([SignalKind.Entry, SignalKind.Exit, SignalKind.Entry], signals.Select(s => s.Kind));
        Assert.Equal([OrderSide.Buy, OrderSide.Sell, OrderSide.Sell], signals.Select(s => s.Legs.Single().Side));
        Assert.Equal(signals[1].Time, signals[2].Time);
        Assert.Contains("crossed below", signals[1].Reason, StringComparison.Ordinal);
        Assert.Null(signals[2].StopLoss);
        Assert.Null(signals[2].Target);
    }

    [Fact]
    public void Long_only_exits_on_the_cross_below_without_going_short()
    {
        decimal[] prices = [.. FallThenRise, 100, 98, 96, 94, 92, 91];
        var parameters = new Dictionary<string, string>(Fast) { ["stopAtr"] = "0" };
        var (signals, _) = Run(Settings(EmaCrossoverStrategy.Definition, Reliance, parameters), Minutes(Reliance, prices));

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        Assert.Equal(OrderSide.Sell, signals[1].Legs.Single().Side);
        Assert.Equal(2, signals[1].Legs.Single().Quantity);
    }

    [Fact]
    public void A_tick_through_the_stop_loss_exits_the_position()
    {
        // Entry on the tick after the crossing bar; the next tick falls through the stop.
        decimal[] prices = [.. FallThenRise[..(FirstCross(FallThenRise).Bar + 2)], 60];
        var (signals, _) = Run(Settings(EmaCrossoverStrategy.Definition, Reliance, Fast), Minutes(Reliance, prices));

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        Assert.StartsWith($"Stop-loss {signals[0].StopLoss} hit: RELIANCE-EQ traded at 60", signals[1].Reason, StringComparison.Ordinal);
        Assert.Equal(60m, signals[1].Legs.Single().Price);
    }

    [Fact]
    public void A_steady_rise_never_crosses_and_gives_no_signal()
    {
        decimal[] prices = [.. Enumerable.Range(0, 30).Select(i => 100m + i)];

        var (signals, _) = Run(Settings(EmaCrossoverStrategy.Definition, Reliance, Fast), Minutes(Reliance, prices));

        Assert.Empty(signals);
    }

    [Fact]
    public void On_an_index_it_trades_the_nearest_future()
    {
        var ticks = Minutes(NiftyIndex, [.. FallThenRise.Select(p => p * 260m)])
            .Zip(Minutes(NiftyFuture, [.. FallThenRise.Select(p => (p * 260m) + 40m)]))
            .SelectMany(pair => new[] { pair.Second, pair.First });
        var (signals, _) = Run(Settings(EmaCrossoverStrategy.Definition, NiftyIndex, Fast), ticks);

        var leg = Assert.Single(Assert.Single(signals).Legs);
        Assert.Equal(("NIFTY26NOVFUT", 130), (leg.TradingSymbol, leg.Quantity));
        Assert.Equal((FallThenRise[FirstCross(FallThenRise[..^1]).Bar + 1] * 260m) + 40m, leg.Price);
    }

    [Fact]
    public void On_an_index_without_a_future_it_stops_with_a_clear_error()
    {
        var (signals, kernel) = Run(Settings(EmaCrossoverStrategy.Definition, BankIndex, Fast), Minutes(BankIndex, FallThenRise));

        Assert.Empty(signals);
        var status = Assert.Single(kernel.Strategies);
        Assert.False(status.Enabled);
        Assert.StartsWith("ArgumentException: Nifty Bank is an index and cannot be ordered, and no BANKNIFTY future is listed", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fast_period_not_shorter_than_the_slow_one_stops_the_strategy()
    {
        var parameters = new Dictionary<string, string> { ["fastPeriod"] = "21", ["slowPeriod"] = "9" };

        var (_, kernel) = Run(Settings(EmaCrossoverStrategy.Definition, Reliance, parameters), []);

        Assert.Contains("fast EMA period (21) must be shorter than the slow EMA period (9)", kernel.Strategies.Single().Error, StringComparison.Ordinal);
    }

    private static (int Bar, decimal Fast, decimal Slow, decimal Atr) FirstCross(decimal[] closes)
    {
        var fast = new ExponentialMovingAverage(3);
        var slow = new ExponentialMovingAverage(5);
        var atr = new AverageTrueRange(3);
        decimal? previous = null;
        for (var i = 0; i < closes.Length; i++)
        {
            fast.Update(closes[i]);
            slow.Update(closes[i]);
            var bar = new Bar(Reliance.Id, Timeframe.OneMinute, Ist(9, 15).AddMinutes(i), closes[i], closes[i], closes[i], closes[i], 100, 1);
            atr.Update(in bar);
            if (!slow.IsReady)
            {
                continue;
            }

            var gap = fast.Value - slow.Value;
            if (previous <= 0m && gap > 0m)
            {
                return (i, fast.Value, slow.Value, atr.Value);
            }

            previous = gap;
        }

        throw new InvalidOperationException("The series never crosses.");
    }
}
