using System.Threading.Channels;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData;

public sealed class TickPipelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new(Ist(10, 0));
    private readonly TickBus _bus = new();
    private readonly TickIngestion _ingestion;
    private readonly RecordingLogger<TickPipeline> _logger = new();
    private readonly TickPipeline _pipeline;

    public TickPipelineTests()
    {
        _ingestion = new TickIngestion(_bus, _clock);
        _pipeline = new TickPipeline(_ingestion, _clock, _logger, new TickPipelineOptions { ChannelCapacity = 64 });
    }

    [Fact]
    public async Task Ticks_of_two_feeds_arrive_in_order_per_feed_with_gap_free_sequences()
    {
        using var received = _bus.SubscribeQueue(10_000);
        const int perFeed = 2_000;
        var feedA = new ScriptedFeed("a", (sink, _, ct) => WriteTicksAsync(sink, Nifty, perFeed, ct));
        var feedB = new ScriptedFeed("b", (sink, _, ct) => WriteTicksAsync(sink, Reliance, perFeed, ct));

        // Both feeds end by themselves: RunAsync returns once their ticks are ingested.
        await _pipeline.RunAsync([feedA, feedB], CancellationToken.None).WaitAsync(Patience);

        var ticks = new Tick[2 * perFeed];
        Assert.Equal(2 * perFeed, received.Drain(ticks));
        Assert.Equal(Enumerable.Range(1, 2 * perFeed).Select(i => (long)i), ticks.Select(t => t.Sequence));
        foreach (var instrument in new[] { Nifty, Reliance })
        {
            Assert.Equal(Enumerable.Range(1, perFeed).Select(i => (decimal)i), ticks.Where(t => t.Instrument == instrument).Select(t => t.LastPrice));
        }

        Assert.Equal(new IngestionCounters(2 * perFeed, 0, 0, 0, 0), _ingestion.Counters);
        Assert.Equal(["a", "b"], _pipeline.Feeds.Select(f => f.Name));
        Assert.All(_pipeline.Feeds, f => Assert.Equal(Ist(10, 0), f.LastTickAt));
        Assert.Equal(1, feedA.Runs);
    }

    [Fact]
    public async Task A_failing_feed_is_logged_marked_disconnected_and_restarted_while_the_other_keeps_flowing()
    {
        using var received = _bus.SubscribeQueue(1000);
        using var stop = new CancellationTokenSource();
        var flaky = new ScriptedFeed("flaky", async (sink, run, ct) =>
        {
            sink.ReportConnection(true);
            await sink.WriteAsync(At(Ist(10, 0, run), run, instrument: Nifty), ct);
            if (run == 1)
            {
                throw new InvalidOperationException("socket reset");
            }

            await Task.Delay(Timeout.Infinite, ct);
        });
        var steadyInput = Channel.CreateUnbounded<Tick>();
        var steady = new ScriptedFeed("steady", async (sink, _, ct) =>
        {
            sink.ReportConnection(true);
            await foreach (var tick in steadyInput.Reader.ReadAllAsync(ct))
            {
                await sink.WriteAsync(tick, ct);
            }
        });

        var running = _pipeline.RunAsync([flaky, steady], stop.Token);

        Assert.Equal((Nifty, 1m), await NextAsync(received));
        await _clock.WaitForArmedTimersAsync(1, stop.Token).WaitAsync(Patience);
        var flakyHealth = _pipeline.Feeds[0];
        Assert.Equal(FeedStatus.Disconnected, flakyHealth.GetStatus(_clock.GetUtcNow(), isMarketOpen: true));
        Assert.Equal("socket reset", flakyHealth.LastError);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException && e.Message.Contains("flaky", StringComparison.Ordinal));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(1), _clock.NextTimerDueAt);

        // The other feed keeps flowing while the flaky one waits for its restart.
        await steadyInput.Writer.WriteAsync(At(Ist(10, 0, 1), 2500m, instrument: Reliance));
        Assert.Equal((Reliance, 2500m), await NextAsync(received));
        Assert.Equal(1, flaky.Runs);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((Nifty, 2m), await NextAsync(received));
        Assert.Equal(2, flaky.Runs);
        Assert.Equal(1, flakyHealth.ReconnectCount);
        Assert.Equal(FeedStatus.Live, flakyHealth.GetStatus(_clock.GetUtcNow(), isMarketOpen: true));
        await steadyInput.Writer.WriteAsync(At(Ist(10, 0, 2), 2501m, instrument: Reliance));
        Assert.Equal((Reliance, 2501m), await NextAsync(received));
        Assert.Equal(0, _pipeline.Feeds[1].ReconnectCount);

        await stop.CancelAsync();
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task Restart_delay_doubles_from_one_second_up_to_thirty()
    {
        using var stop = new CancellationTokenSource();
        var broken = new ScriptedFeed("broken", (_, _, _) => Task.FromException(new IOException("refused")));
        var running = _pipeline.RunAsync([broken], stop.Token);

        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            await _clock.WaitForArmedTimersAsync(1, stop.Token).WaitAsync(Patience);
            var due = _clock.NextTimerDueAt!.Value;
            delays.Add(due - _clock.GetUtcNow());
            Assert.Equal(FeedStatus.Disconnected, _pipeline.Feeds[0].GetStatus(_clock.GetUtcNow(), isMarketOpen: true));
            Assert.Equal(attempt, _pipeline.Feeds[0].ReconnectCount);
            _clock.SetUtcNow(due);
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays.Select(d => d.TotalSeconds));
        Assert.Equal("refused", _pipeline.Feeds[0].LastError);
        await stop.CancelAsync();
        await running.WaitAsync(Patience);
        Assert.InRange(broken.Runs, 7, 8);
    }

    [Fact]
    public async Task Cancelling_stops_every_feed_and_returns_quietly()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endless = new ScriptedFeed("endless", async (sink, _, ct) =>
        {
            sink.ReportConnection(true);
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var stop = new CancellationTokenSource();

        var running = _pipeline.RunAsync([endless], stop.Token);
        await started.Task.WaitAsync(Patience);
        Assert.True(_pipeline.Feeds[0].IsConnected);
        await stop.CancelAsync();

        await running.WaitAsync(Patience);
        Assert.True(running.IsCompletedSuccessfully);
        Assert.Equal(1, endless.Runs);
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    private static async Task WriteTicksAsync(IFeedSink sink, InstrumentId instrument, int count, CancellationToken cancellationToken)
    {
        sink.ReportConnection(true);
        for (var i = 1; i <= count; i++)
        {
            await sink.WriteAsync(At(Ist(10, 0).AddMilliseconds(i), i, volume: i, instrument: instrument), cancellationToken);
        }
    }

    private static async Task<(InstrumentId, decimal)> NextAsync(TickQueueSubscription subscription)
    {
        using var timeout = new CancellationTokenSource(Patience);
        Assert.True(await subscription.WaitToReadAsync(timeout.Token));
        Assert.True(subscription.TryRead(out var tick));
        return (tick.Instrument, tick.LastPrice);
    }
}
