using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

public class SimulatedMarketFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private static DateTimeOffset MondayIst(int hour, int minute = 0, int second = 0, int millisecond = 0) =>
        IndianMarketTime.AtIst(new DateOnly(2026, 11, 23), new TimeOnly(hour, minute, second, millisecond));

    private static SimulatedMarketFeed CreateFeed(ManualClock clock, bool marketHoursOnly = false)
    {
        var options = Options.Create(new SimulatorOptions { Seed = 11, MarketHoursOnly = marketHoursOnly, TickInterval = Interval });
        return new SimulatedMarketFeed(new SimulatedInstrumentSource(options, clock), options, clock, NullLogger<SimulatedMarketFeed>.Instance);
    }

    [Fact]
    public async Task Delivers_a_step_of_ticks_every_interval_and_stops_on_cancellation()
    {
        var start = MondayIst(10);
        var clock = new ManualClock(start);
        var feed = CreateFeed(clock);
        var sink = new RecordingFeedSink();
        using var stop = new CancellationTokenSource();

        var run = feed.RunAsync(sink, stop.Token);

        // The first step runs before RunAsync yields: ticks at the start time, feed connected.
        Assert.Equal("simulated", feed.Name);
        Assert.False(run.IsCompleted);
        Assert.Equal((true, SimulatedMarketFeed.RunningReason), Assert.Single(sink.Reports));
        Assert.NotEmpty(sink.Ticks);
        Assert.All(sink.Ticks, t => Assert.Equal(start, t.ExchangeTime));

        for (var step = 1; step <= 4; step++)
        {
            clock.Advance(Interval);
            var expected = step + 1;
            await sink.WaitUntilAsync(s => s.StepCount >= expected);
        }

        var times = sink.Ticks.Select(t => t.ExchangeTime).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => start + (Interval * i)), times);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Equal((false, SimulatedMarketFeed.StoppedReason), sink.Reports[^1]);

        var countAfterStop = sink.Ticks.Count;
        clock.Advance(Interval * 10);
        Assert.Equal(countAfterStop, sink.Ticks.Count);
    }

    [Fact]
    public async Task Market_hours_only_is_connected_but_silent_at_eight_in_the_evening()
    {
        var clock = new ManualClock(MondayIst(20));
        var sink = new RecordingFeedSink();
        using var stop = new CancellationTokenSource();

        var run = CreateFeed(clock, marketHoursOnly: true).RunAsync(sink, stop.Token);

        Assert.Equal((true, SimulatedMarketFeed.ClosedReason), Assert.Single(sink.Reports));
        Assert.Empty(sink.Ticks);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(sink.Ticks);
        Assert.Equal((false, SimulatedMarketFeed.StoppedReason), sink.Reports[^1]);
    }

    [Fact]
    public async Task Market_hours_only_ticks_at_ten_in_the_morning()
    {
        var clock = new ManualClock(MondayIst(10));
        var sink = new RecordingFeedSink();
        using var stop = new CancellationTokenSource();

        var run = CreateFeed(clock, marketHoursOnly: true).RunAsync(sink, stop.Token);

        Assert.Equal((true, SimulatedMarketFeed.RunningReason), Assert.Single(sink.Reports));
        Assert.NotEmpty(sink.Ticks);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Market_hours_only_starts_ticking_at_the_open_and_stops_at_the_close()
    {
        var open = MondayIst(9, 15);
        var clock = new ManualClock(open - (Interval * 2));
        var sink = new RecordingFeedSink();
        using var stop = new CancellationTokenSource();
        var run = CreateFeed(clock, marketHoursOnly: true).RunAsync(sink, stop.Token);

        Assert.Empty(sink.Ticks);
        clock.Advance(Interval);
        clock.Advance(Interval);
        await sink.WaitUntilAsync(s => s.StepCount >= 1);
        Assert.All(sink.Ticks, t => Assert.True(t.ExchangeTime >= open));
        Assert.Equal(SimulatedMarketFeed.RunningReason, sink.Reports[^1].Reason);

        // Jump to just before the close, then over it.
        var close = MondayIst(15, 30);
        clock.Advance(close - Interval - clock.GetUtcNow());
        await sink.WaitUntilAsync(s => s.Ticks.Any(t => t.ExchangeTime == close - Interval));
        clock.Advance(Interval);
        await sink.WaitUntilAsync(s => s.Reports[^1].Reason == SimulatedMarketFeed.ClosedReason);
        Assert.All(sink.Ticks, t => Assert.True(t.ExchangeTime < close));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(sink.Ticks, t => Assert.True(t.ExchangeTime < close));
    }
}
