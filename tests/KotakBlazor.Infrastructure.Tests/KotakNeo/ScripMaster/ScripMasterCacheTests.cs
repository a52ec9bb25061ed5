using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Tests.Persistence;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

public sealed class ScripMasterCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset DownloadedAt = new(2026, 9, 21, 2, 15, 30, TimeSpan.Zero);

    private static readonly Instrument Put = new(new InstrumentId(ExchangeSegment.NseFo, 56526), "NIFTY2692221000PE", "NIFTY", "NIFTY 22 Sep 2026 21000 PE",
        InstrumentType.Option, "NIFTY", 65, 0.05m, 1801, new DateOnly(2026, 9, 22), 21000.5m, OptionType.Put);

    private static readonly Instrument Future = new(new InstrumentId(ExchangeSegment.NseFo, 52001), "NIFTY26SEPFUT", "NIFTY", "NIFTY 29 Sep 2026 FUT",
        InstrumentType.Future, "NIFTY", 65, 0.10m, 1801, new DateOnly(2026, 9, 29));

    private static readonly Instrument Index = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY 50", "NIFTY 50", InstrumentType.Index, "NIFTY 50", 1, 0.01m, 0);

    private static readonly Instrument Equity = new(new InstrumentId(ExchangeSegment.BseCm, 500325), "RELIANCE", "RELIANCE", "RELIANCE INDUSTRIES LTD", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);

    [Fact]
    public async Task A_stored_day_reads_back_field_for_field_after_a_restart()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var day = new ScripMasterCachedDay(new DateOnly(2026, 9, 21), DownloadedAt, 4, 7);
        await new ScripMasterCache(db.ContextFactory).ReplaceAsync(day, [Put, Future, Index, Equity], None);

        var loaded = await new ScripMasterCache(ReopenedDatabase.Of(db.Options)).LoadAsync(None);

        Assert.NotNull(loaded);
        Assert.Equal(day, loaded.Value.Day);
        Assert.Equal([Index, Future, Put, Equity], loaded.Value.Instruments.OrderBy(i => i.Id.Token));
    }

    [Fact]
    public async Task A_load_of_named_underlyings_and_ids_reads_only_their_rows()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var finniftyCall = Put with { Id = new InstrumentId(ExchangeSegment.NseFo, 61234), TradingSymbol = "FINNIFTY26SEP26000CE", Underlying = "FINNIFTY", OptionType = OptionType.Call };
        var day = new ScripMasterCachedDay(new DateOnly(2026, 9, 21), DownloadedAt, 5, 0);
        await new ScripMasterCache(db.ContextFactory).ReplaceAsync(day, [Put, Future, Index, Equity, finniftyCall], None);

        var loaded = await new ScripMasterCache(db.ContextFactory).LoadAsync(["NIFTY"], [Index.Id], None);

        // Exact names: FINNIFTY is not NIFTY; the index is found by its id although its underlying reads "NIFTY 50".
        Assert.Equal(day, loaded!.Value.Day);
        Assert.Equal([Index, Future, Put], loaded.Value.Instruments.OrderBy(i => i.Id.Token));
    }

    [Fact]
    public async Task A_new_day_replaces_the_old_one_whole()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var cache = new ScripMasterCache(db.ContextFactory);
        await cache.ReplaceAsync(new ScripMasterCachedDay(new DateOnly(2026, 9, 21), DownloadedAt, 2, 0), [Put, Future], None);

        await cache.ReplaceAsync(new ScripMasterCachedDay(new DateOnly(2026, 9, 22), DownloadedAt.AddDays(1), 1, 0), [Future with { LotSize = 75 }], None);

        var loaded = await cache.LoadAsync(None);
        Assert.Equal(new DateOnly(2026, 9, 22), loaded!.Value.Day.Day);
        Assert.Equal([Future with { LotSize = 75 }], loaded.Value.Instruments);
        await using var context = db.ContextFactory.CreateDbContext();
        Assert.Equal(1, await context.ScripMasterInstruments.CountAsync(None));
        Assert.Equal(1, await context.ScripMasterDays.CountAsync(None));
    }

    [Fact]
    public async Task Nothing_cached_reads_as_null()
    {
        await using var db = await new TestDatabase().InitializedAsync();

        Assert.Null(await new ScripMasterCache(db.ContextFactory).LoadAsync(None));
        Assert.Null(await new ScripMasterCache(db.ContextFactory).GetDayAsync(None));
    }

    [Fact]
    public async Task A_database_of_the_previous_schema_gains_the_cache_tables_and_keeps_its_users()
    {
        await using var db = new TestDatabase();
        await using (var context = db.ContextFactory.CreateDbContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261204000000_OrdersRiskJournal", None);
        }

        await db.Users.CreateAsync("old-timer", "long-enough-pass", "Trader", "test", None);

        await db.Initializer.InitializeAsync(None);

        await using (var upgraded = db.ContextFactory.CreateDbContext())
        {
            Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync(None));
            Assert.Equal("old-timer", (await upgraded.Users.SingleAsync(None)).UserName);
        }

        var cache = new ScripMasterCache(db.ContextFactory);
        await cache.ReplaceAsync(new ScripMasterCachedDay(new DateOnly(2026, 9, 21), DownloadedAt, 1, 0), [Put], None);
        Assert.Equal([Put], (await cache.LoadAsync(None))!.Value.Instruments);
    }
}
