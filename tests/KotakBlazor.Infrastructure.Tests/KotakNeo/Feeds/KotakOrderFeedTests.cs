using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class KotakOrderFeedTests : IAsyncLifetime
{
    private const string OpenOrder = """
        {"type":"order","data":{"nOrdNo":"260216000012345","exOrdId":"1100000012345678","ordSt":"open","avgPrc":"0.00","qty":75,"fldQty":0,"unFldSz":75,
         "trnsTp":"B","prcTp":"L","prod":"NRML","exSeg":"nse_fo","sym":"NIFTY","trdSym":"NIFTY2621725500CE","tok":"44498","prc":"101.55","trgPrc":"0.00",
         "GuiOrdId":"KB-1-ABC","rejRsn":"--","hsUpTm":"2026/09/21 10:00:05"}}
        """;

    private static readonly DateTimeOffset MondayMorning = IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(10, 0));
    private static readonly InstrumentId Call = new(ExchangeSegment.NseFo, 44498);

    private readonly ManualClock _clock = new(MondayMorning);
    private readonly CancellationTokenSource _stop = new();
    private FakeFeedServer _server = null!;
    private FakeFeedSession _session = null!;
    private KotakOrderFeed _feed = null!;
    private EventStreamReader _events = null!;
    private EventStream<BrokerOrder>.Subscription _orders = null!;
    private EventStream<KotakIncompleteOrderUpdate>.Subscription _incomplete = null!;
    private EventStream<KotakPositionUpdate>.Subscription _positions = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await FakeFeedServer.StartAsync();
        _server.OrderFeed.Clock = _clock;
        _session = new FakeFeedSession(_server);
        _feed = CreateFeed(new KotakOrderFeedOptions());
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(EventLog<int>.Patience);
        _events.Dispose();
        _orders.Dispose();
        _incomplete.Dispose();
        _positions.Dispose();
        _stop.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_handshake_is_the_raw_documented_string_and_the_ack_connects()
    {
        await StartAsync();

        var handshake = await _server.OrderFeed.Frames.WaitForAsync(1);
        Assert.Equal("{type:cn,Authorization:fake-trade-token,Sid:fake-sid,src:WEB}", handshake.Text);
        Assert.Equal((KotakFeedState.Connected, MondayMorning), (_feed.Status.State, _feed.Status.ConnectedSince));
    }

    [Fact]
    public async Task A_heartbeat_goes_out_every_thirty_seconds_of_the_clock()
    {
        await StartAsync();
        Assert.Equal(MondayMorning.AddSeconds(30), _clock.NextTimerDueAt);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await _server.OrderFeed.Frames.WaitUntilAsync(f => f.Count(x => x.Text == "{type:hb}") == 1);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await _server.OrderFeed.Frames.WaitUntilAsync(f => f.Count(x => x.Text == "{type:hb}") == 2);

        Assert.Equal([MondayMorning.AddSeconds(30), MondayMorning.AddSeconds(60)], _server.OrderFeed.Heartbeats(1));
    }

    [Fact]
    public async Task Pushed_orders_are_mapped_and_sparse_updates_complete_the_order_already_seen()
    {
        await StartAsync();

        await _server.OrderFeed.PushAsync(OpenOrder);
        var open = await _orders.Reader.NextAsync();
        await _server.OrderFeed.PushAsync("""{"type":"order","data":{"nOrdNo":"260216000012345","ordSt":"complete","fldQty":"75","unFldSz":"0","avgPrc":"101.40","hsUpTm":"2026/09/21 10:00:07"}}""");
        var filled = await _orders.Reader.NextAsync();

        var expected = new BrokerOrder("260216000012345", "KB-1-ABC", Call, "NIFTY2621725500CE", OrderSide.Buy, OrderType.Limit, ProductType.Nrml, 75, 0,
            101.55m, 0m, 0m, OrderStatus.Open, "open", null, IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(10, 0, 5)));
        Assert.Equal(expected, open);
        Assert.Equal(
            expected with { FilledQuantity = 75, AveragePrice = 101.40m, Status = OrderStatus.Filled, BrokerStatus = "complete", UpdatedAt = IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(10, 0, 7)) },
            filled);
    }

    [Fact]
    public async Task A_sparse_update_for_an_order_never_seen_asks_for_a_rest_lookup()
    {
        await StartAsync();

        await _server.OrderFeed.PushAsync("""{"type":"order","data":{"ordSt":"open pending","nOrdNo":"240130000000001","ordValDt":"NA","strategyCode":"NA","hsUpTm":"2024/01/30 14:15:53"}}""");
        var incomplete = await _incomplete.Reader.NextAsync();

        Assert.Equal(("240130000000001", "open pending"), (incomplete.BrokerOrderId, incomplete.BrokerStatus));
        Assert.Equal(["trdSym", "exSeg", "trnsTp", "prcTp", "prod", "qty"], incomplete.MissingFields);
        Assert.False(_orders.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Pushed_positions_are_published()
    {
        await StartAsync();

        await _server.OrderFeed.PushAsync("""
            {"type":"position","data":{"actId":"AB123","sym":"NIFTY","exSeg":"nse_fo","prod":"NRML","flBuyQty":"75","flSellQty":"0","buyAmt":"7605.00",
             "sellAmt":"0.00","posFlg":"true","sqrFlg":"true","lotSz":"75","multiplier":"1","hsUpTm":"2026/09/21 10:00:07"}}
            """);
        var position = await _positions.Reader.NextAsync();

        Assert.Equal(("NIFTY", "nse_fo", ProductType.Nrml, 75, 0, 7605.00m), (position.Symbol, position.Segment, position.Product, position.BuyQuantity, position.SellQuantity, position.BuyAmount));
    }

    [Fact]
    public async Task A_refused_handshake_raises_the_alarm_asks_for_a_fresh_login_and_waits_a_minute()
    {
        _session.Sid = "stale-sid";
        _session.SidAfterRelogin = "fake-sid";

        _run = _feed.RunAsync(_stop.Token);
        var refused = await _events.Status.NextStatusAsync(KotakFeedState.Rejected);
        var alarm = await _events.Alarms.NextAsync();
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(1), _clock.NextTimerDueAt);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);

        Assert.Equal("Kotak refused the session: Authentication Failed", refused.LastError);
        Assert.Equal((KotakOrderFeed.FeedName, FeedAlarmKind.Rejected), (alarm.Feed, alarm.Kind));
        Assert.Equal(["Authentication Failed"], _session.Rejections.Items);
        Assert.Equal("{type:cn,Authorization:fake-trade-token,Sid:fake-sid,src:WEB}", _server.OrderFeed.Frames.Items.Single(f => f.Connection == 2).Text);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_shakes_hands_again_and_restarts_the_heartbeat_from_then()
    {
        await StartAsync();

        _server.OrderFeed.Current.Drop();
        await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(1), _clock.NextTimerDueAt);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await _server.OrderFeed.Frames.WaitUntilAsync(f => f.Any(x => x.Connection == 2 && x.Text == "{type:hb}"));
        await _server.OrderFeed.PushAsync(OpenOrder);
        var order = await _orders.Reader.NextAsync();

        Assert.Equal(1, _feed.Status.ReconnectCount);
        Assert.Equal([MondayMorning.AddSeconds(31)], _server.OrderFeed.Heartbeats(2));
        Assert.Empty(_server.OrderFeed.Heartbeats(1));
        Assert.Equal("260216000012345", order.BrokerOrderId);
    }

    [Fact]
    public async Task An_order_feed_that_never_acknowledges_the_handshake_times_out_and_is_tried_again()
    {
        _server.OrderFeed.Silent = true;
        _run = _feed.RunAsync(_stop.Token);
        await _server.OrderFeed.Frames.WaitForAsync(1);
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);

        _clock.Advance(TimeSpan.FromSeconds(15));
        var down = await _events.Status.NextStatusAsync(KotakFeedState.Disconnected);
        _server.OrderFeed.Silent = false;
        await _clock.WaitForArmedTimersAsync(1, CancellationToken.None).WaitAsync(EventLog<int>.Patience);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);

        Assert.Equal("no answer to the login within 15 s", down.LastError);
        Assert.Equal(2, _server.OrderFeed.Connections.Count);
    }

    [Fact]
    public async Task Login_rt_url_is_preferred_over_the_base_url_host()
    {
        _session.BaseUrl = new Uri("http://127.0.0.1:1");
        _session.RealtimeUrl = new Uri(_server.BaseUrl, "/realtime");

        await StartAsync();

        Assert.Equal(1, _server.OrderFeed.Connections.Count);
    }

    [Fact]
    public async Task A_quiet_order_feed_raises_no_alarm_by_default_and_keeps_its_heartbeat()
    {
        await StartAsync();

        _clock.Advance(TimeSpan.FromMinutes(10));
        await _server.OrderFeed.Frames.WaitUntilAsync(f => f.Count(x => x.Text == "{type:hb}") == 20);

        Assert.False(_events.Alarms.TryRead(out _));
        Assert.Equal(KotakFeedState.Connected, _feed.Status.State);
    }

    [Fact]
    public async Task With_a_silence_limit_set_a_quiet_order_feed_raises_the_alarm_in_session()
    {
        _events.Dispose();
        _orders.Dispose();
        _incomplete.Dispose();
        _positions.Dispose();
        _feed = CreateFeed(new KotakOrderFeedOptions { SilenceAlarmAfter = TimeSpan.FromSeconds(90) });
        await StartAsync();

        _clock.Advance(TimeSpan.FromSeconds(90));
        var alarm = await _events.Alarms.NextAsync();

        Assert.Equal(new FeedAlarm(KotakOrderFeed.FeedName, FeedAlarmKind.Silent, "no data for 90 s while the market is open; reconnecting.", MondayMorning.AddSeconds(90)), alarm);
    }

    private KotakOrderFeed CreateFeed(KotakOrderFeedOptions options)
    {
        var feed = new KotakOrderFeed(_session, Options.Create(options), new NseMarketHours(), _clock, NullLogger<KotakOrderFeed>.Instance);
        _events = new EventStreamReader(feed.StatusChanged.Subscribe(), feed.Alarms.Subscribe());
        _orders = feed.Orders.Subscribe();
        _incomplete = feed.IncompleteOrders.Subscribe();
        _positions = feed.Positions.Subscribe();
        return feed;
    }

    private async Task StartAsync()
    {
        _run = _feed.RunAsync(_stop.Token);
        await _events.Status.NextStatusAsync(KotakFeedState.Connected);
    }
}
