using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Strategies;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Replay;

public sealed class ReplayRunnerTests
{
    private static StrategySettings[] Strategies() =>
    [
        Settings(UpBar, "up"),
        Settings(BreakoutTestStrategy.Definition, "breakout reliance"),
        Settings(BreakoutTestStrategy.Definition, "breakout infy", instrument: Infy),
    ];

    [Fact]
    public void The_same_recorded_day_replayed_twice_gives_identical_signals()
    {
        var strategies = Strategies();
        var text = ReplayTestData.ToCsv(ReplayTestData.Day(minutes: 45));
        ReplayResult Replay()
        {
            var errors = new List<CsvRowError>();
            var ticks = new TickCsvReader(Catalog).Read(new StringReader(text), errors);
            var result = new ReplayRunner(Catalog).RunTicks(strategies, ticks);
            Assert.Empty(errors);
            return result;
        }

        var first = Replay();
        var second = Replay();

        Assert.True(first.Signals.Count >= 20, $"only {first.Signals.Count} signals: the data no longer exercises the strategies");
        Assert.Equal(3, first.Signals.Select(s => s.StrategyId).Distinct().Count());
        Assert.Equal(first.Signals.Select(ReplayTestData.Describe), second.Signals.Select(ReplayTestData.Describe));
        Assert.Equal(first.Stats with { Elapsed = default }, second.Stats with { Elapsed = default });
    }

    [Fact]
    public void Ticks_pass_the_ingestion_gate_so_repeats_and_late_ticks_are_dropped_and_counted()
    {
        var ticks = ReplayTestData.Day(minutes: 10);

        var result = new ReplayRunner(Catalog).RunTicks([Settings(UpBar)], ticks);

        Assert.Equal(2, result.Stats.DroppedTicks);
        Assert.Equal(ticks.Count - 2, result.Stats.Ticks);
        Assert.Equal(0, result.Stats.Bars);
        Assert.Equal(ticks[0].ExchangeTime, result.Stats.From);
        Assert.Equal(ticks[^1].ExchangeTime, result.Stats.To);
        Assert.Equal(result.Signals.Count, result.Stats.Signals);
    }

    [Fact]
    public void Minute_bars_make_the_strategy_timeframe_and_each_bar_is_heard_when_its_interval_is_complete()
    {
        var bars = ReplayTestData.MinuteBars(Reliance, 15);
        UpBarStrategy? instance = null;
        var capturing = UpBar with { Create = s => instance = new UpBarStrategy(s) };

        var result = new ReplayRunner(Catalog).RunBars([Settings(capturing, timeframe: Timeframe.FiveMinutes)], bars);

        // Three 5-minute bars, the last one too: the 09:29 bar completes 09:25-09:30.
        Assert.Equal([ReplayTestData.Open, ReplayTestData.Open.AddMinutes(5), ReplayTestData.Open.AddMinutes(10)], instance!.Seen.Select(s => s.Bar.Start));
        var first = instance.Seen[0].Bar;
        Assert.Equal((1000m, 1004.5m, 999.5m, 1004m, 510L), (first.Open, first.High, first.Low, first.Close, first.Volume));
        Assert.Equal([ReplayTestData.Open.AddMinutes(5), ReplayTestData.Open.AddMinutes(10), ReplayTestData.Open.AddMinutes(15)], result.Signals.Select(s => s.Time));
        Assert.Equal(15, result.Stats.Bars);
        Assert.Equal(ReplayTestData.Open.AddMinutes(15), result.Stats.To);
    }

    [Fact]
    public void Bars_longer_than_a_strategy_timeframe_or_not_dividing_it_are_refused()
    {
        var fiveMinute = new Bar(Reliance.Id, Timeframe.FiveMinutes, ReplayTestData.Open, 100m, 101m, 99m, 100.5m, 10, 0);
        var runner = new ReplayRunner(Catalog);

        Assert.Throws<ArgumentException>(() => runner.RunBars([Settings(UpBar, timeframe: Timeframe.ThreeMinutes)], [fiveMinute]));
        Assert.Throws<ArgumentException>(() => runner.RunBars([Settings(UpBar, timeframe: Timeframe.OneMinute)], [fiveMinute]));
    }

    [Fact]
    public void A_strategy_that_throws_during_a_replay_is_reported_with_its_error()
    {
        var faulty = Settings(UpBar, "faulty", parameters: new Dictionary<string, string> { ["throwOnBar"] = "3" });

        var bars = ReplayTestData.MinuteBars(Reliance, 10);

        var result = new ReplayRunner(Catalog).RunBars([faulty], bars);

        var status = Assert.Single(result.Strategies);
        Assert.Equal("InvalidOperationException: boom on purpose", status.Error);
        Assert.Equal(bars[0].End, Assert.Single(result.Signals).Time);
    }
}
