using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;
using KotakBlazor.Infrastructure.Tests.MarketData.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class KotakSFeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(10, 0));
    private static readonly InstrumentId Put = new(ExchangeSegment.NseFo, 44498);
    private static readonly InstrumentId Call = new(ExchangeSegment.NseFo, 44500);
    private static readonly InstrumentId Nifty = new(ExchangeSegment.NseCm, 26000);

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
        _session = new FakeFeedSession(_server);
        _feed = CreateFeed(new KotakSFeedOptions(), new NseMarketHours());
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(EventLog<int>.Patience);
        _events?.Dispose();
        _stop.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task It_logs_in_with_the_ucc_as_user_and_the_sid_as_auth_and_reports_the_connection()
    {
        await StartAsync();

        var auth = await _server.SFeed.AuthFrames.WaitForAsync(1);
        Assert.Equal("""{"user":"AB123","auth":"fake-sid","format":"native_batch","source":"NEOTRADEAPI"}""", auth.ToJsonString());
        // The server has the login frame before the client has read its reply: wait for the client to report the connection.
        await _sink.WaitUntilAsync(s => s.Reports.Contains((true, "connected to 127.0.0.1")));
        Assert.Equal((KotakFeedState.Connected, MondayMorning, 0), (_feed.Status.State, _feed.Status.ConnectedSince, _feed.Status.ReconnectCount));
    }

    [Fact]
    public async Task Subscriptions_made_before_connecting_are_sent_after_login_and_frames_become_ticks()
    {
        await _feed.SubscribeAsync(SFeedChannel.Scrips, [Put, Call], CancellationToken.None);
        await _feed.SubscribeAsync(SFeedChannel.Indices, [Nifty], CancellationToken.None);

        await StartAsync();
        await _server.SFeed.ControlFrames.WaitForAsync(2);
        await _server.SFeed.PushAsync(SFeedFrames.Batch(
            SFeedFrames.Index(SFeedFrames.NseCm, 26000, 2455075, 2440050, 1790043300, "Nifty 50"),
            SFeedFrames.Picture(SFeedFrames.NseFo, 44498, new SFeedPicture { LastPrice = 13245, Close = 12890, LastQuantity = 130, Volume = 12345678, OpenInterest = 4567890, LastTradeTime = 1790053200, BuyDepthCount = 1, SellDepthCount = 1 },
                rows: [(1950, 13240, 12), (650, 13250, 4)])));
        await _sink.WaitUntilAsync(s => s.Ticks.Count == 2);

        Assert.Equal(["nse_fo|44498", "nse_fo|44500"], _server.SFeed.Tokens(1, "subscribeScrips"));
        Assert.Equal(["nse_cm|26000"], _server.SFeed.Tokens(1, "subscribeIndices"));
        Assert.Equal(
            [
                new Tick(Nifty, 24550.75m, 0, 0, 0, 0m, 0m, 24400.50m, DateTimeOffset.FromUnixTimeSeconds(1790043300)),
                new Tick(Put, 132.45m, 130, 12345678, 4567890, 132.40m, 132.50m, 128.90m, DateTimeOffset.FromUnixTimeSeconds(1790053200)),
            ],
            _sink.Ticks);
    }

    [Fact]
    public async Task Subscribe_and_unsubscribe_while_connected_send_exactly_the_documented_frames()
    {
        await StartAsync();

        await _feed.SubscribeAsync(SFeedChannel.Scrips, [Put, Call], CancellationToken.None);
        await _feed.SubscribeAsync(SFeedChannel.Scrips, [Put], CancellationToken.None);
        await _feed.UnsubscribeAsync(SFeedChannel.Scrips, [Put, Nifty], CancellationToken.None);
        await _server.SFeed.ControlFrames.WaitForAsync(2);

        Assert.Equal(
            [
                (1, """{"event":"subscribeScrips","inputtoken":"nse_fo|44498,nse_fo|44500","ack_symbol":true}"""),
                (1, """{"event":"unsubscribeScrips","inputtoken":"nse_fo|44498"}"""),
            ],
            _server.SFeed.ControlFrames.Items);
        Assert.Equal([Call], _feed.Subscribed(SFeedChannel.Scrips));
    }

    [Fact]
    public async Task Long_lists_go_out_in_frames_of_a_hundred_tokens()
    {
        await StartAsync();
        var many = Enumerable.Range(1, 250).Select(t => new InstrumentId(ExchangeSegment.NseFo, 40000 + t)).ToList();

        await _feed.SubscribeAsync(SFeedChannel.Scrips, many, CancellationToken.None);
        await _server.SFeed.ControlFrames.WaitForAsync(3);

        Assert.Equal(many.Select(i => i.ToString()), _server.SFeed.Tokens(1, "subscribeScrips"));
        Assert.Equal(3, _server.SFeed.ControlFrames.Count);
    }

    [Fact]
    public async Task More_than_three_thousand_tokens_are_refused_whole()
    {
        var full = Enumerable.Range(1, 2999).Select(t => new InstrumentId(ExchangeSegment.NseFo, t)).ToList();
        await _feed.SubscribeAsync(SFeedChannel.Scrips, full, CancellationToken.None);
        await _feed.SubscribeAsync(SFeedChannel.Indices, [Nifty], CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _feed.SubscribeAsync(SFeedChannel.Depth, [Put, Call], CancellationToken.None));

        Assert.Contains("3000", error.Message, StringComparison.Ordinal);
        Assert.Empty(_feed.Subscribed(SFeedChannel.Depth));

        // Already subscribed on the channel: not counted again.
        await _feed.SubscribeAsync(SFeedChannel.Scrips, full.Take(10), CancellationToken.None);
        Assert.Equal(2999, _feed.Subscribed(SFeedChannel.Scrips).Count);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_after_the_backoff_logs_in_again_and_resubscribes_everything()
    {
        await _feed.SubscribeAsync(SFeedChannel.Scrips, [Put, Call], CancellationToken.None);
        await _feed.SubscribeAsync(SFeedChannel.Indices, [Nifty], CancellationToken.None);
        await _feed.SubscribeAsync(SFeedChannel.Depth, [Put], CancellationToken.None);
        await StartAsync();
        await _server.SFeed.ControlFrames.WaitForAsync(3);

        _server.SFeed.Current.Drop();
        var down = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(1), _clock.NextTimerDueAt);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);
        await _server.SFeed.ControlFrames.WaitUntilAsync(frames => frames.Count(f => f.Connection == 2) == 3);

        Assert.StartsWith("connection lost", down.LastError, StringComparison.Ordinal);
        Assert.Contains(_sink.Reports, r => !r.Connected && r.Reason!.StartsWith("connection lost", StringComparison.Ordinal));
        Assert.Equal("fake-sid", (string?)(await _server.SFeed.AuthFrames.WaitForAsync(2))["auth"]);
        foreach (var channel in new[] { "subscribeScrips", "subscribeIndices", "subscribeDepth" })
        {
            Assert.Equal(_server.SFeed.Tokens(1, channel).Order(), _server.SFeed.Tokens(2, channel).Order());
        }

        Assert.Equal(1, _feed.Status.ReconnectCount);
        await _server.SFeed.PushAsync(SFeedFrames.Touchline(SFeedFrames.NseFo, 44500, 9905, 9000, 1790053200));
        await _sink.WaitUntilAsync(s => s.Ticks.Count == 1);
        Assert.Equal((Call, 99.05m), (_sink.Ticks[0].Instrument, _sink.Ticks[0].LastPrice));
    }

    [Fact]
    public async Task A_socket_silent_for_thirty_seconds_in_session_raises_the_alarm_and_is_replaced()
    {
        await _feed.SubscribeAsync(SFeedChannel.Scrips, [Put], CancellationToken.None);
        await StartAsync();
        await _server.SFeed.ControlFrames.WaitForAsync(1);
        _server.SFeed.Silent = true;

        _clock.Advance(TimeSpan.FromSeconds(30));
        var alarm = await _events.Alarms.NextAsync();
        await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        _server.SFeed.Silent = false;
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _server.SFeed.ControlFrames.WaitUntilAsync(frames => frames.Any(f => f.Connection == 2));

        Assert.Equal(new FeedAlarm(KotakSFeed.FeedName, FeedAlarmKind.Silent, "no data for 30 s while the market is open; reconnecting.", MondayMorning.AddSeconds(30)), alarm);
        Assert.Contains((false, "no data for 30 s while the market is open"), _sink.Reports);
        Assert.Equal(["nse_fo|44498"], _server.SFeed.Tokens(2, "subscribeScrips"));
    }

    [Fact]
    public async Task Ticks_keep_a_connection_from_counting_as_silent()
    {
        await StartAsync();

        _clock.Advance(TimeSpan.FromSeconds(20));
        await _server.SFeed.PushAsync(SFeedFrames.Touchline(SFeedFrames.NseFo, 44498, 13245, 12890, 1790053200));
        await _sink.WaitUntilAsync(s => s.Ticks.Count == 1);
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.False(_events.Alarms.TryRead(out _));
        Assert.Equal(KotakFeedState.Connected, _feed.Status.State);
        Assert.Equal(MondayMorning.AddSeconds(50), _clock.NextTimerDueAt);
        Assert.Equal(MondayMorning.AddSeconds(20), _feed.Status.LastMessageAt);
    }

    [Fact]
    public async Task A_quiet_socket_outside_market_hours_is_left_alone()
    {
        _clock.SetUtcNow(IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(16, 0)));
        await StartAsync();

        _clock.Advance(TimeSpan.FromHours(12));

        Assert.False(_events.Alarms.TryRead(out _));
        Assert.Equal(KotakFeedState.Connected, _feed.Status.State);
        Assert.Equal(IndianMarketTime.AtIst(new DateOnly(2026, 9, 22), IndianMarketTime.SessionOpen), _clock.NextTimerDueAt);
        Assert.Equal(1, _server.SFeed.Connections.Count);
    }

    [Fact]
    public async Task A_refused_login_raises_the_alarm_asks_for_a_fresh_login_and_waits_a_minute_not_a_second()
    {
        _session.Sid = "stale-sid";
        _session.SidAfterRelogin = "fresh-sid";
        _server.SFeed.AcceptedSid = "fresh-sid";

        Start();
        var refused = await _events.Status.NextStatusAsync(KotakFeedState.Rejected);
        var alarm = await _events.Alarms.NextAsync();
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(1), _clock.NextTimerDueAt);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);

        Assert.Equal(FeedAlarmKind.Rejected, alarm.Kind);
        Assert.Contains("Auth failed: invalid session", alarm.Message, StringComparison.Ordinal);
        Assert.Equal(["Auth failed: invalid session"], _session.Rejections.Items);
        Assert.Equal("Kotak refused the session: Auth failed: invalid session", refused.LastError);
        Assert.Equal(["stale-sid", "fresh-sid"], _server.SFeed.AuthFrames.Items.Select(a => (string?)a["auth"]));
        Assert.Equal(0, _feed.Status.ReconnectCount);
    }

    [Fact]
    public async Task A_login_that_fails_waits_on_the_long_backoff_without_touching_the_feed()
    {
        _session.LoginFailure = "Invalid credentials or TOTP.";

        Start();
        var down = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);

        Assert.Equal("no Kotak session: Invalid credentials or TOTP.", down.LastError);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(1), down.NextAttemptAt);
        Assert.Equal(0, _server.SFeed.Connections.Count);
    }

    [Fact]
    public async Task The_initial_connect_reply_1119_is_accepted_and_its_dividers_are_used()
    {
        _server.SFeed.AuthReplyCode = 1119;
        _server.SFeed.Dividers["nse_fo"] = 10_000;
        await StartAsync();

        await _server.SFeed.PushAsync(SFeedFrames.Touchline(SFeedFrames.NseFo, 44498, 1_324_500, 1_289_000, 1790053200));
        await _sink.WaitUntilAsync(s => s.Ticks.Count == 1);

        Assert.Equal((132.45m, 128.90m), (_sink.Ticks[0].LastPrice, _sink.Ticks[0].PreviousClose));
    }

    [Fact]
    public async Task Garbage_and_unknown_packets_on_the_socket_are_skipped_and_the_connection_stays()
    {
        await StartAsync();

        await _server.SFeed.PushAsync([0x01, 0x02, 0x03]);
        await _server.SFeed.PushAsync(SFeedFrames.Batch(SFeedFrames.Packet(20, 9999, SFeedFrames.NseCm, 0, 0), SFeedFrames.Packet(30, 7208, SFeedFrames.NseCm, 1, 0)));
        await _server.SFeed.PushTextAsync("""{"message_code":1109,"message":"Subscribed"}""");
        await _server.SFeed.PushTextAsync("not json at all");
        await _server.SFeed.PushAsync(SFeedFrames.Touchline(SFeedFrames.NseCm, 11536, 123456, 122000, 1756636800));
        await _sink.WaitUntilAsync(s => s.Ticks.Count == 1);

        Assert.Equal(1234.56m, _sink.Ticks[0].LastPrice);
        Assert.Equal(1, _server.SFeed.Connections.Count);
    }

    [Fact]
    public async Task A_feed_that_never_answers_the_login_times_out_on_the_clock_and_is_tried_again()
    {
        _server.SFeed.Silent = true;
        Start();
        await _server.SFeed.AuthFrames.WaitForAsync(1);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(MondayMorning.AddSeconds(15), _clock.NextTimerDueAt);

        _clock.Advance(TimeSpan.FromSeconds(15));
        var down = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        _server.SFeed.Silent = false;
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);

        Assert.Equal("no answer to the login within 15 s", down.LastError);
        Assert.Empty(_session.Rejections.Items);
        Assert.Equal(2, _server.SFeed.Connections.Count);
    }

    [Fact]
    public async Task An_unreachable_feed_is_tried_again_after_doubling_waits()
    {
        _events.Dispose();
        _feed = CreateFeed(new KotakSFeedOptions { FeedUrl = "http://127.0.0.1:1/feed" }, new NseMarketHours());
        Start();

        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var down = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
            Assert.StartsWith("could not connect to 127.0.0.1", down.LastError, StringComparison.Ordinal);
            waits.Add(down.NextAttemptAt!.Value - _clock.GetUtcNow());
            await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
            _clock.Advance(waits[^1]);
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], waits);
        Assert.Equal(0, _feed.Status.ReconnectCount);
    }

    [Fact]
    public async Task Stopping_ends_the_run_and_reports_the_feed_stopped()
    {
        await StartAsync();

        await _stop.CancelAsync();
        await _run.WaitAsync(EventLog<int>.Patience);

        Assert.Equal((false, "stopped"), _sink.Reports[^1]);
        Assert.Equal(KotakFeedState.Stopped, _feed.Status.State);
    }

    private KotakSFeed CreateFeed(KotakSFeedOptions options, IMarketHours hours)
    {
        var feed = new KotakSFeed(_session, Options.Create(options), hours, _clock, NullLogger<KotakSFeed>.Instance);
        _events = new EventStreamReader(feed.StatusChanged.Subscribe(), feed.Alarms.Subscribe());
        return feed;
    }

    private void Start() => _run = _feed.RunAsync(_sink, _stop.Token);

    private async Task StartAsync()
    {
        Start();
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);
    }
}
