using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.StrategyTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class MeanReversionStrategyTests
{
    private static readonly Dictionary<string, string> Quick = new() { ["period"] = "5", ["entryZ"] = "1.5", ["stopSigma"] = "1" };

    [Fact]
    public void A_close_stretched_below_the_mean_buys_and_the_return_to_the_mean_exits()
    {
        decimal[] prices = [100, 101, 100, 101, 100, 101, 95, 96, 97, 100, 101, 101];

        var (signals, _) = Run(Settings(MeanReversionStrategy.Definition, Reliance, Quick), Minutes(Reliance, prices));

        var bands = new BollingerBands(5, 1.5m);
        foreach (var price in prices[..7])
        {
            bands.Update(price);
        }

        Assert.Equal([SignalKind.Entry, SignalKind.Exit], signals.Select(s => s.Kind));
        var entry = signals[0];
        Assert.Equal((OrderSide.Buy, 2, 96m), (entry.Legs[0].Side, entry.Legs[0].Quantity, entry.Legs[0].Price));
        Assert.Equal(Ist(9, 22), entry.Time);
        Assert.Contains($"Z-score {bands.ZScore:0.00} <= -1.5: close 95.00 vs 5-bar mean {bands.Middle:0.00} (sigma {bands.StandardDeviation:0.00})", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(Reliance.RoundToTick(96m - bands.StandardDeviation), entry.StopLoss);
        Assert.Equal(Reliance.RoundToTick(96m + (bands.Middle - 95m)), entry.Target);
        Assert.Equal(Math.Min(1m, Math.Abs(bands.ZScore) / 3m), entry.Confidence);
        Assert.Equal(OrderSide.Sell, signals[1].Legs[0].Side);
    }

    [Fact]
    public void A_gentle_oscillation_never_stretches_far_enough()
    {
        decimal[] prices = [.. Enumerable.Range(0, 40).Select(i => 100m + (i % 2))];

        var (signals, _) = Run(Settings(MeanReversionStrategy.Definition, Reliance, new Dictionary<string, string>(Quick) { ["direction"] = "Long and short" }), Minutes(Reliance, prices));

        Assert.Empty(signals);
    }
}
