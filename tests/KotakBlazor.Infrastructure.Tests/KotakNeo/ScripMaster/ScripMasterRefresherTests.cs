using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster.ScripMasterCsvSamples;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

public sealed class ScripMasterRefresherTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Monday = new(2026, 9, 21);

    private readonly ManualClock _clock = new(IndianMarketTime.AtIst(Monday, new TimeOnly(10, 0)));
    private readonly HttpClient _http = new();
    private FakeFeedServer _server = null!;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeFeedServer.StartAsync();
        _server.ScripMaster.Files["nse_cm-v1.csv"] = File(NseCmHeader, Nifty50Index, FinNiftyIndex, RelianceEquity);
        _server.ScripMaster.Files["nse_fo.csv"] = File(NseFoHeader, NiftyWeeklyPut, FinniftyMonthlyCall, NiftyFuture, "garbage,row");
        _server.ScripMaster.Files["bse_fo.csv"] = File(NseFoHeader, SensexWeeklyCall);
        _db = await new TestDatabase(_clock).InitializedAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_first_refresh_downloads_every_segment_with_the_access_token_and_caches_the_day()
    {
        var catalog = new ScripMasterCatalog();

        var result = await Refresher(catalog).EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.Download, Monday, 7, null), (result.Source, result.Day, result.InstrumentCount, result.Error));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("nse_fo.csv", 5), (problem.File, problem.Line));
        Assert.Equal(["fake-access-token"], _server.ScripMaster.FilePathsCalls.Items);
        Assert.Equal(["nse_cm-v1.csv", "nse_fo.csv", "bse_fo.csv"], _server.ScripMaster.Downloads.Items);
        Assert.True(catalog.TryGetBySymbol("SENSEX2692480000CE", out var sensex));
        Assert.Equal(new DateOnly(2026, 9, 24), sensex.Expiry);
        var cached = await new ScripMasterCache(_db.ContextFactory).GetDayAsync(None);
        Assert.Equal(new ScripMasterCachedDay(Monday, _clock.GetUtcNow(), 7, 1), cached);
    }

    [Fact]
    public async Task A_search_for_nifty_finds_nifty_contracts_and_its_index_never_finnifty()
    {
        var catalog = new ScripMasterCatalog();
        await Refresher(catalog).EnsureTodayAsync(None);

        var nifty = catalog.Search("NIFTY", 50).Select(i => i.TradingSymbol).ToList();

        Assert.Equal(["Nifty 50", "NIFTY26SEPFUT", "NIFTY2692221000PE"], nifty);
        Assert.Equal(["Nifty Fin Service", "FINNIFTY26SEP26000CE"], catalog.Search("FINNIFTY", 50).Select(i => i.TradingSymbol));
    }

    [Fact]
    public async Task A_second_refresh_the_same_day_downloads_nothing()
    {
        var refresher = Refresher(new ScripMasterCatalog());
        await refresher.EnsureTodayAsync(None);
        _clock.Advance(TimeSpan.FromHours(5));

        var again = await refresher.EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.AlreadyCurrent, Monday, 7), (again.Source, again.Day, again.InstrumentCount));
        Assert.Equal(1, _server.ScripMaster.FilePathsCalls.Count);
    }

    [Fact]
    public async Task A_restart_the_same_day_loads_the_cache_without_calling_kotak()
    {
        var first = new ScripMasterCatalog();
        await Refresher(first).EnsureTodayAsync(None);
        var restarted = new ScripMasterCatalog();

        var result = await Refresher(restarted).EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.Cache, Monday, 7), (result.Source, result.Day, result.InstrumentCount));
        Assert.Equal(1, _server.ScripMaster.FilePathsCalls.Count);
        Assert.Equal(first.All.OrderBy(i => i.Id.ToString()), restarted.All.OrderBy(i => i.Id.ToString()));
    }

    [Fact]
    public async Task The_next_trading_day_downloads_again_once_kotak_has_published_and_replaces_the_set()
    {
        var catalog = new ScripMasterCatalog();
        var refresher = Refresher(catalog);
        await refresher.EnsureTodayAsync(None);
        _server.ScripMaster.Files["nse_fo.csv"] = File(NseFoHeader, With(NseFoHeader, NiftyFuture, "lLotSize", "75"));

        // 07:00 IST Tuesday: Kotak has not published Tuesday's files yet (by 07:30), Monday's set is still current.
        _clock.SetUtcNow(IndianMarketTime.AtIst(Monday.AddDays(1), new TimeOnly(7, 0)));
        Assert.Equal(ScripMasterSource.AlreadyCurrent, (await refresher.EnsureTodayAsync(None)).Source);
        _clock.SetUtcNow(IndianMarketTime.AtIst(Monday.AddDays(1), new TimeOnly(7, 30)));
        var tuesday = await refresher.EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.Download, Monday.AddDays(1)), (tuesday.Source, tuesday.Day));
        Assert.Equal(2, _server.ScripMaster.FilePathsCalls.Count);
        Assert.True(catalog.TryGetBySymbol("NIFTY26SEPFUT", out var future));
        Assert.Equal(75, future.LotSize);
        Assert.False(catalog.TryGetBySymbol("NIFTY2692221000PE", out _));
        Assert.Equal(Monday.AddDays(1), (await new ScripMasterCache(_db.ContextFactory).GetDayAsync(None))!.Day);
    }

    [Fact]
    public async Task Offline_the_next_day_the_app_starts_on_the_cached_day_and_says_why()
    {
        await Refresher(new ScripMasterCatalog()).EnsureTodayAsync(None);
        _server.ScripMaster.Offline = true;
        _clock.Advance(TimeSpan.FromDays(1));
        var restarted = new ScripMasterCatalog();

        var result = await Refresher(restarted).EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.StaleCache, Monday, 7), (result.Source, result.Day, result.InstrumentCount));
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
        Assert.Equal(Monday, restarted.Day);
        Assert.True(restarted.TryGet(new InstrumentId(ExchangeSegment.NseFo, 56526), out _));
    }

    [Fact]
    public async Task Offline_with_nothing_cached_leaves_the_catalog_empty_with_the_reason()
    {
        _server.ScripMaster.Offline = true;
        var catalog = new ScripMasterCatalog();

        var result = await Refresher(catalog).EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.None, (DateOnly?)null, 0), (result.Source, result.Day, result.InstrumentCount));
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
        Assert.Empty(catalog.All);
        Assert.Null(catalog.Day);
    }

    [Fact]
    public async Task A_refused_access_token_or_a_broken_file_fails_the_day_and_keeps_the_cache()
    {
        await Refresher(new ScripMasterCatalog()).EnsureTodayAsync(None);
        _clock.Advance(TimeSpan.FromDays(1));
        _server.ScripMaster.Files["bse_fo.csv"] = "not,a,scrip,master\r\n";

        var brokenFile = await Refresher(new ScripMasterCatalog()).EnsureTodayAsync(None);
        var refused = await Refresher(new ScripMasterCatalog(), accessToken: "wrong-token").EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.StaleCache, Monday), (brokenFile.Source, brokenFile.Day));
        Assert.Contains("bse_fo.csv", brokenFile.Error, StringComparison.Ordinal);
        Assert.Equal((ScripMasterSource.StaleCache, Monday), (refused.Source, refused.Day));
        Assert.Contains("401", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid Credentials", refused.Error, StringComparison.Ordinal);
        Assert.Equal(Monday, (await new ScripMasterCache(_db.ContextFactory).GetDayAsync(None))!.Day);
    }

    [Fact]
    public async Task A_day_that_downloads_but_cannot_be_cached_is_still_used_and_says_so()
    {
        await using (var context = _db.ContextFactory.CreateDbContext())
        {
            await context.Database.ExecuteSqlRawAsync("DROP TABLE scrip_master_instruments;", None);
        }

        var catalog = new ScripMasterCatalog();
        var result = await Refresher(catalog).EnsureTodayAsync(None);

        Assert.Equal((ScripMasterSource.Download, Monday, 7), (result.Source, result.Day, result.InstrumentCount));
        Assert.StartsWith("downloaded but not cached: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(7, catalog.All.Count);
    }

    [Fact]
    public async Task Running_daily_refreshes_at_the_publishing_time_of_the_next_day()
    {
        var refresher = Refresher(new ScripMasterCatalog());
        using var results = refresher.Refreshed.Subscribe();
        using var stop = new CancellationTokenSource();
        var run = refresher.RunAsync(stop.Token);

        var first = await results.Reader.ReadAsync().AsTask().WaitAsync(EventLog<int>.Patience);
        await _clock.WaitForArmedTimersAsync(1, None).WaitAsync(EventLog<int>.Patience);
        var tuesdayPublish = IndianMarketTime.AtIst(Monday.AddDays(1), new TimeOnly(7, 30));
        Assert.Equal(tuesdayPublish, _clock.NextTimerDueAt);
        _clock.SetUtcNow(tuesdayPublish);
        var second = await results.Reader.ReadAsync().AsTask().WaitAsync(EventLog<int>.Patience);

        Assert.Equal((ScripMasterSource.Download, Monday), (first.Source, first.Day));
        Assert.Equal((ScripMasterSource.Download, Monday.AddDays(1)), (second.Source, second.Day));
        await stop.CancelAsync();
        await run.WaitAsync(EventLog<int>.Patience);
    }

    [Fact]
    public async Task Running_daily_retries_a_failed_download_after_the_retry_delay()
    {
        _server.ScripMaster.Offline = true;
        var refresher = Refresher(new ScripMasterCatalog());
        using var results = refresher.Refreshed.Subscribe();
        using var stop = new CancellationTokenSource();
        var run = refresher.RunAsync(stop.Token);

        var failed = await results.Reader.ReadAsync().AsTask().WaitAsync(EventLog<int>.Patience);
        await _clock.WaitForArmedTimersAsync(1, None).WaitAsync(EventLog<int>.Patience);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(15), _clock.NextTimerDueAt);
        _server.ScripMaster.Offline = false;
        _clock.Advance(TimeSpan.FromMinutes(15));
        var retried = await results.Reader.ReadAsync().AsTask().WaitAsync(EventLog<int>.Patience);

        Assert.Equal(ScripMasterSource.None, failed.Source);
        Assert.Equal((ScripMasterSource.Download, Monday), (retried.Source, retried.Day));
        await stop.CancelAsync();
        await run.WaitAsync(EventLog<int>.Patience);
    }

    private ScripMasterRefresher Refresher(ScripMasterCatalog catalog, string accessToken = "fake-access-token")
    {
        var options = Options.Create(new KotakScripMasterOptions { Segments = ["nse_cm", "nse_fo", "bse_cm", "bse_fo"] });
        var client = new KotakScripMasterClient(_http, new FixedScripMasterAccess(accessToken, _server.BaseUrl), options, _clock, NullLogger<KotakScripMasterClient>.Instance);
        return new ScripMasterRefresher(client, new ScripMasterCache(_db.ContextFactory), catalog, options, _clock, NullLogger<ScripMasterRefresher>.Instance);
    }
}
