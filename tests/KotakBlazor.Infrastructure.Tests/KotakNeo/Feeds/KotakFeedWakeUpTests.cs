using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;
using KotakBlazor.Infrastructure.Tests.MarketData.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

/// <summary>
/// A new Kotak session (an admin just logged in) ends a feed's wait at once: without it, credentials entered
/// after start-up would wait out a backoff that grew to minutes while there were none.
/// </summary>
public sealed class KotakFeedWakeUpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(10, 0));

    private readonly ManualClock _clock = new(MondayMorning);
    private readonly RecordingFeedSink _sink = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeFeedServer _server = null!;
    private FakeFeedSession _session = null!;
    private KotakSFeed _feed = null!;
    private EventStreamReader _events = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await FakeFeedServer.StartAsync();
        _session = new FakeFeedSession(_server) { LoginFailure = "The Kotak Neo credentials are not set." };
        _feed = new KotakSFeed(_session, Options.Create(new KotakSFeedOptions()), new NseMarketHours(), _clock, NullLogger<KotakSFeed>.Instance);
        _events = new EventStreamReader(_feed.StatusChanged.Subscribe(), _feed.Alarms.Subscribe());
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(EventLog<int>.Patience);
        _events.Dispose();
        _stop.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_feed_waiting_after_a_failed_login_connects_at_once_when_woken_without_the_clock_moving()
    {
        _run = _feed.RunAsync(_sink, _stop.Token);
        var down = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(MondayMorning + TimeSpan.FromMinutes(1), down.NextAttemptAt);

        _session.LoginFailure = null;
        Assert.True(_feed.ReconnectNow());

        await _events.Status.NextStatusAsync(KotakFeedState.Connected);
        Assert.Equal((MondayMorning, 1), (_clock.GetUtcNow(), _server.SFeed.Connections.Count));
        Assert.False(_feed.ReconnectNow());
    }

    [Fact]
    public async Task A_wake_during_an_attempt_that_then_fails_skips_that_wait_only()
    {
        // Woken while the first attempt is under way (the session changed as it asked): its failure is not waited out.
        Assert.False(_feed.ReconnectNow());
        _run = _feed.RunAsync(_sink, _stop.Token);

        var first = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        var second = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);

        // Both failures at the same instant: the first wait (1 min) was skipped, the second (doubled to 2 min) is kept.
        Assert.Equal((MondayMorning + TimeSpan.FromMinutes(1), MondayMorning + TimeSpan.FromMinutes(2)), (first.NextAttemptAt, second.NextAttemptAt));
        Assert.Equal(MondayMorning, _clock.GetUtcNow());
    }
}
