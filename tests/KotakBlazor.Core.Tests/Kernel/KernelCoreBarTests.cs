using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Tests.Replay;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Kernel;

public sealed class KernelCoreBarTests
{
    [Fact]
    public void A_recorded_bar_of_the_strategy_timeframe_is_heard_at_once_with_the_clock_at_its_end()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        UpBarStrategy? instance = null;
        kernel.Add(Settings(UpBar with { Create = s => instance = new UpBarStrategy(s) }));
        var bars = ReplayTestData.MinuteBars(Reliance, 3);

        kernel.OnBar(bars[0]);

        Assert.Equal(bars[0], Assert.Single(instance!.Seen).Bar);
        Assert.Equal(bars[0].End, kernel.Now);
        Assert.Equal(bars[0].End, Assert.Single(events.Signals).Time);

        kernel.OnBar(bars[1]);
        kernel.OnBar(bars[2]);

        // Each bar once: the aggregator handing the previous bar back as closed is not a second delivery.
        Assert.Equal(bars, instance.Seen.Select(s => s.Bar));
        Assert.Equal(0, kernel.TickCount);
    }

    [Fact]
    public void Shorter_bars_build_the_strategy_timeframe_and_an_incomplete_interval_waits_for_the_next_bar()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        UpBarStrategy? instance = null;
        kernel.Add(Settings(UpBar with { Create = s => instance = new UpBarStrategy(s) }, timeframe: Timeframe.ThreeMinutes));
        var bars = ReplayTestData.MinuteBars(Reliance, 5);

        foreach (var bar in bars.Take(2))
        {
            kernel.OnBar(bar);
        }

        Assert.Empty(instance!.Seen);
        kernel.OnBar(bars[2]);
        var first = Assert.Single(instance.Seen).Bar;
        Assert.Equal(new Bar(Reliance.Id, Timeframe.ThreeMinutes, bars[0].Start, 1000m, 1003.5m, 999.5m, 1003m, 303, 0), first);

        // 09:18 and 09:19 leave 09:18-09:21 open; then the data jumps to 09:24, which closes it short.
        kernel.OnBar(bars[3]);
        kernel.OnBar(bars[4]);
        Assert.Single(instance.Seen);
        kernel.OnBar(bars[4] with { Start = bars[4].Start.AddMinutes(5) });
        var closedShort = instance.Seen[1].Bar;
        Assert.Equal(2, instance.Seen.Count);
        Assert.Equal((bars[3].Start, bars[3].Open, bars[4].Close, bars[3].Volume + bars[4].Volume), (closedShort.Start, closedShort.Open, closedShort.Close, closedShort.Volume));
    }

    [Fact]
    public void The_bar_close_is_the_latest_price_a_strategy_reads()
    {
        var kernel = new KernelCore(Catalog, new RecordingKernelEvents());
        LatestPriceProbe? probe = null;
        kernel.Add(Settings(UpBar with { Create = s => probe = new LatestPriceProbe(s) }));

        kernel.OnBar(ReplayTestData.MinuteBars(Reliance, 1)[0]);

        Assert.Equal(1002m, probe!.Latest?.LastPrice);
        Assert.Equal(ReplayTestData.Open.AddMinutes(1), probe.Latest?.ExchangeTime);
    }

    private sealed class LatestPriceProbe(StrategySettings settings) : Strategy(settings)
    {
        public Tick? Latest { get; private set; }

        public override void OnBar(in Bar bar, IStrategyContext context) =>
            Latest = context.TryGetLatest(bar.Instrument, out var tick) ? tick : null;
    }
}
