using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies.BuiltIn;
using static KotakBlazor.Core.Tests.Strategies.BuiltIn.StrategyTestMarket;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class VwapBreakoutStrategyTests
{
    private static readonly Dictionary<string, string> Quick = new() { ["volumePeriod"] = "3", ["volumeMultiple"] = "2" };
    private static readonly decimal[] Prices = [100, 99, 98, 99, 98, 97, 103, 104, 105];

    [Fact]
    public void A_close_above_vwap_on_heavy_volume_buys_with_the_stop_at_vwap()
    {
        long[] volumes = [100, 100, 100, 100, 100, 100, 500, 100, 100];

        var (signals, _) = Run(Settings(VwapBreakoutStrategy.Definition, Reliance, Quick), Minutes(Reliance, Prices, volumes));

        // Bars have high = low = close, so VWAP is the volume-weighted close: (591 + 515) / 1100.
        var vwap = 1106m / 11m;
        var entry = Assert.Single(signals);
        Assert.Equal(SignalKind.Entry, entry.Kind);
        Assert.Equal((OrderSide.Buy, 2, 104m), (entry.Legs[0].Side, entry.Legs[0].Quantity, entry.Legs[0].Price));
        Assert.Equal(Reliance.RoundToTick(104m - (103m - vwap)), entry.StopLoss);
        Assert.Equal(Reliance.RoundToTick(104m + (2m * (103m - vwap))), entry.Target);
        Assert.Contains($"Close 103.00 crossed above VWAP {vwap:0.00} on volume 500 >= 2 x average 100", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(1m, entry.Confidence);
    }

    [Fact]
    public void A_cross_on_ordinary_volume_gives_no_signal()
    {
        long[] volumes = [100, 100, 100, 100, 100, 100, 150, 100, 100];

        var (signals, _) = Run(Settings(VwapBreakoutStrategy.Definition, Reliance, Quick), Minutes(Reliance, Prices, volumes));

        Assert.Empty(signals);
    }

    [Fact]
    public void On_an_index_it_reads_and_trades_the_nearest_future()
    {
        var future = Prices.Select(p => (p * 260m) + 20m).Prepend(26020m).ToList();
        long[] volumes = [650, 650, 650, 650, 650, 650, 650, 3250, 650, 650];
        var ticks = Minutes(NiftyIndex, [.. future.Select(p => p - 20m)], [.. volumes.Select(_ => 0L)])
            .Zip(Minutes(NiftyFuture, future, volumes))
            .SelectMany(pair => new[] { pair.First, pair.Second });

        var (signals, _) = Run(Settings(VwapBreakoutStrategy.Definition, NiftyIndex, Quick), ticks);

        var leg = Assert.Single(Assert.Single(signals).Legs);
        Assert.Equal(("NIFTY26NOVFUT", OrderSide.Buy, 130, future[8]), (leg.TradingSymbol, leg.Side, leg.Quantity, leg.Price));
    }
}
