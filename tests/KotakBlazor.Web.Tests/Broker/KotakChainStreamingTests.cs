using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Options;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Watchlists;
using KotakBlazor.Web.Broker;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// KotakPaper against the fake Kotak with a scrip master of NIFTY options: what <see cref="KotakMarketSubscriptions"/>
/// asks the SFeed for as NIFTY's price arrives and moves, and what gives way when the feed is full.
/// </summary>
public sealed class KotakChainStreamingTests : IAsyncLifetime
{
    private static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);
    private static readonly InstrumentId Nifty50 = new(ExchangeSegment.NseCm, 26000);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private readonly DateOnly[] _expiries;
    private readonly ScripMasterDay _master = new ScripMasterDay().WithCash(ScripMasterCsvSamples.Nifty50Index, ScripMasterCsvSamples.RelianceEquity);
    private KotakNeoApp? _kotak;
    private int _pushes;

    public KotakChainStreamingTests()
    {
        // Three weekly expiries, the nearest after tomorrow: alive whenever the test runs.
        var first = ExpiryCalendar.FirstLiveDate(DateTimeOffset.UtcNow).AddDays(2);
        _expiries = [first, first.AddDays(7), first.AddDays(14)];
        foreach (var expiry in _expiries)
        {
            _master.WithOptions("NIFTY", expiry, 25500m, 26500m, 50m);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_kotak is not null)
        {
            await _kotak.DisposeAsync();
        }

        _timeout.Dispose();
    }

    [Fact]
    public async Task The_index_streams_first_then_the_strikes_around_its_price_and_they_follow_it()
    {
        await StartAsync(new Dictionary<string, string> { ["Broker:ChainStrikesEachSide"] = "2" });
        var subscriptions = _kotak!.Get<KotakMarketSubscriptions>();
        await SubscribedAsync("subscribeIndices", Nifty50);

        // No price yet: RELIANCE-EQ (Broker:Subscribe) and the index, no strike.
        Assert.Equal([Reliance, Nifty50], (await subscriptions.WantedAsync(_timeout.Token)).Select(i => i.Id));

        await PushNiftyAsync(25962.40m);
        var around25950 = Window(_expiries[..2], 25950m, 25900m, 26000m, 25850m, 26050m);
        Assert.Equal([Reliance, Nifty50, .. around25950], (await subscriptions.WantedAsync(_timeout.Token)).Select(i => i.Id));
        await SubscribedAsync("subscribeScrips", [.. around25950]);

        await PushNiftyAsync(26180m);
        var around26200 = Window(_expiries[..2], 26200m, 26150m, 26250m, 26100m, 26300m);
        await SubscribedAsync("subscribeScrips", [.. around26200]);

        // Added, never dropped: the strikes around the earlier price still stream.
        Assert.Equal(
            around25950.Union(around26200).Append(Reliance).ToHashSet(),
            _kotak.Get<KotakSFeed>().Subscribed(SFeedChannel.Scrips).ToHashSet());
    }

    [Fact]
    public async Task A_full_feed_keeps_the_configured_symbols_and_the_strikes_nearest_the_money_before_watchlists()
    {
        await StartAsync(new Dictionary<string, string> { ["Broker:ChainStrikesEachSide"] = "2", ["Kotak:MarketFeed:MaxTokens"] = "8" });
        var subscriptions = _kotak!.Get<KotakMarketSubscriptions>();
        await PushNiftyAsync(25962.40m);

        // 8 tokens: RELIANCE-EQ, the index, and the nearest expiry's three strikes nearest the money, calls and puts.
        var kept = Window(_expiries[..1], 25950m, 25900m, 26000m);
        await SubscribedAsync("subscribeScrips", [.. kept]);
        var farStrike = Window(_expiries[2..], 26500m).First();
        await WatchAsync(farStrike);

        var wanted = (await subscriptions.WantedAsync(_timeout.Token)).Select(i => i.Id).ToList();
        Assert.Equal(farStrike, wanted[^1]);
        Assert.Equal(0, await subscriptions.SyncAsync(_timeout.Token));
        var feed = _kotak.Get<KotakSFeed>();
        Assert.Equal([Nifty50], feed.Subscribed(SFeedChannel.Indices));
        Assert.Equal(kept.Append(Reliance).ToHashSet(), feed.Subscribed(SFeedChannel.Scrips).ToHashSet());
    }

    private async Task StartAsync(Dictionary<string, string> settings)
    {
        var fake = await FakeKotakBroker.StartAsync(master: _master);
        _kotak = await KotakNeoApp.StartAsync(_timeout.Token, mode: "KotakPaper", fake: fake, settings: settings);
        await _kotak.LogInAsync();
    }

    /// <summary>Pushes a NIFTY 50 index frame and waits until the tick bus carried it.</summary>
    private async Task PushNiftyAsync(decimal price)
    {
        await SubscribedAsync("subscribeIndices", Nifty50);
        using var ticks = _kotak!.Get<TickBus>().SubscribeQueue(4096);
        var value = (int)(price * 100);
        var at = DateTimeOffset.UtcNow.AddSeconds(++_pushes).ToUnixTimeSeconds();
        await _kotak.Fake.Feeds.SFeed.PushAsync(SFeedFrames.Index(SFeedFrames.NseCm, 26000, value, value, (ulong)at, "Nifty 50"));
        while (await ticks.WaitToReadAsync(_timeout.Token))
        {
            while (ticks.TryRead(out var tick))
            {
                if (tick.Instrument == Nifty50 && tick.LastPrice == price)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits until the fake SFeed has been asked, on its current connection, for every given instrument.</summary>
    private Task SubscribedAsync(string eventName, params InstrumentId[] instruments)
    {
        var sfeed = _kotak!.Fake.Feeds.SFeed;
        var keys = instruments.Select(i => i.ToString()).ToList();
        return sfeed.ControlFrames.WaitUntilAsync(_ => keys.TrueForAll(sfeed.Tokens(sfeed.Connections.Count, eventName).Contains));
    }

    private async Task WatchAsync(InstrumentId instrument)
    {
        await using var db = await _kotak!.Get<IDbContextFactory<KotakDbContext>>().CreateDbContextAsync(_timeout.Token);
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin", _timeout.Token);
        Assert.Null(await _kotak.Get<WatchlistStore>().AddAsync(admin.Id, instrument, _timeout.Token));
    }

    private List<InstrumentId> Window(IEnumerable<DateOnly> expiries, params decimal[] strikes) =>
        [.. expiries.SelectMany(expiry => strikes.SelectMany(strike => new[] { OptionType.Call, OptionType.Put }
            .Select(type => new InstrumentId(ExchangeSegment.NseFo, _master.Token("NIFTY", expiry, strike, type)))))];
}
