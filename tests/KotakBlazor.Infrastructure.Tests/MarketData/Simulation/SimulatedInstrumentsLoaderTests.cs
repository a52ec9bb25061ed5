using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

/// <summary>Start-up's choice between a scrip master cached in a real SQLite file and the built-in instruments.</summary>
public sealed class SimulatedInstrumentsLoaderTests : IAsyncLifetime
{
    private static readonly DateOnly MasterDay = new(2026, 12, 7);
    private static readonly DateOnly Expiry = new(2026, 12, 8);
    private readonly ManualClock _clock = new(IndianMarketTime.AtIst(MasterDay, new TimeOnly(9, 0)));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await new TestDatabase().InitializedAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_cached_master_gives_the_simulator_its_contracts()
    {
        var master = new ScripMasterDay().WithCash(ScripMasterCsvSamples.Nifty50Index).WithOptions("NIFTY", Expiry, 25900m, 26000m, 50m);
        await CacheAsync(master);
        var (source, loader) = Loader(new SimulatorOptions());

        var origin = await loader.LoadAsync(CancellationToken.None);

        Assert.Equal(
            new SimulatedInstrumentsOrigin(MasterDay, "NIFTY options: 6 on 2026-12-08 around 25950; futures: 0; stocks: 0 of 12; NIFTY 50 from the master, NIFTY BANK built in"),
            origin);
        Assert.Equal("Kotak scrip master of 2026-12-07 (cached), prices simulated", origin.Summary);
        Assert.Equal(MasterDay, source.Universe.ScripMasterDay);
        Assert.Equal(
            new[] { 25900m, 25950m, 26000m }.SelectMany(k => new[] { master.Token("NIFTY", Expiry, k, OptionType.Call), master.Token("NIFTY", Expiry, k, OptionType.Put) }),
            source.Universe.Options.Select(o => o.Id.Token));
    }

    [Fact]
    public async Task Nothing_cached_means_the_built_in_instruments_and_says_so()
    {
        var (source, loader) = Loader(new SimulatorOptions());

        var origin = await loader.LoadAsync(CancellationToken.None);

        Assert.Equal(SimulatedInstrumentsOrigin.BuiltIn("no scrip master is cached in the database (a KotakNeo or KotakPaper run leaves one)"), origin);
        Assert.Equal("built-in simulated instruments", origin.Summary);
        Assert.Null(source.Universe.ScripMasterDay);
        Assert.All(source.Universe.Options, o => Assert.True(o.Id.Token > 99_999_999, "built-in option tokens are nine digits"));
    }

    [Fact]
    public async Task An_unreadable_cache_falls_back_to_the_built_in_instruments()
    {
        await CacheAsync(new ScripMasterDay().WithOptions("NIFTY", Expiry, 25900m, 26000m, 50m));
        await using (var context = await _db.ContextFactory.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("DROP TABLE scrip_master_instruments");
        }

        var (source, loader) = Loader(new SimulatorOptions());

        var origin = await loader.LoadAsync(CancellationToken.None);

        Assert.False(origin.IsScripMaster);
        Assert.StartsWith("the cached scrip master could not be read: ", origin.Detail, StringComparison.Ordinal);
        Assert.Null(source.Universe.ScripMasterDay);
    }

    [Fact]
    public async Task The_switch_off_keeps_the_built_in_instruments_even_with_a_master_cached()
    {
        await CacheAsync(new ScripMasterDay().WithOptions("NIFTY", Expiry, 25900m, 26000m, 50m));
        var (source, loader) = Loader(new SimulatorOptions { UseScripMaster = false });

        var origin = await loader.LoadAsync(CancellationToken.None);

        Assert.Equal(SimulatedInstrumentsOrigin.BuiltIn("Simulator:UseScripMaster is false"), origin);
        Assert.Null(source.Universe.ScripMasterDay);
    }

    [Fact]
    public async Task A_master_without_live_nifty_options_falls_back_with_the_reason()
    {
        await CacheAsync(new ScripMasterDay().WithOptions("FINNIFTY", Expiry, 25900m, 26000m, 50m));
        var (_, loader) = Loader(new SimulatorOptions());

        var origin = await loader.LoadAsync(CancellationToken.None);

        Assert.Equal(SimulatedInstrumentsOrigin.BuiltIn("the scrip master of 2026-12-07 lists no unexpired NIFTY options"), origin);
    }

    [Fact]
    public async Task Instruments_needed_before_start_up_read_the_cache_stay_the_built_in_ones()
    {
        await CacheAsync(new ScripMasterDay().WithOptions("NIFTY", Expiry, 25900m, 26000m, 50m));
        var (source, loader) = Loader(new SimulatorOptions());
        var early = source.Instruments;

        var origin = await loader.LoadAsync(CancellationToken.None);

        Assert.Equal(SimulatedInstrumentsOrigin.BuiltIn(SimulatedInstrumentSource.NothingOffered), origin);
        Assert.Same(early, source.Instruments);
    }

    private async Task CacheAsync(ScripMasterDay master)
    {
        var instruments = await master.InstrumentsAsync();
        var day = new ScripMasterCachedDay(MasterDay, _clock.GetUtcNow(), instruments.Count, 0);
        await new ScripMasterCache(_db.ContextFactory).ReplaceAsync(day, instruments, CancellationToken.None);
    }

    private (SimulatedInstrumentSource Source, SimulatedInstrumentsLoader Loader) Loader(SimulatorOptions options)
    {
        var wrapped = Options.Create(options);
        var source = new SimulatedInstrumentSource(wrapped, _clock);
        return (source, new SimulatedInstrumentsLoader(source, new ScripMasterCache(_db.ContextFactory), wrapped, _clock, NullLogger<SimulatedInstrumentsLoader>.Instance));
    }
}
