using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// A scrip master left in a data folder's database, as a KotakNeo or KotakPaper run leaves it: the database is created
/// by the app's own persistence registration and initializer, the day written by the app's <see cref="ScripMasterCache"/>.
/// The master's NIFTY options run on four weekly expiries that are alive whenever the test runs, plus last week's.
/// </summary>
internal sealed class CachedScripMaster
{
    private CachedScripMaster(DateOnly day, ScripMasterDay master, DateOnly expired, IReadOnlyList<DateOnly> expiries)
    {
        Day = day;
        Master = master;
        Expired = expired;
        Expiries = expiries;
    }

    /// <summary>The cached day: today in IST.</summary>
    public DateOnly Day { get; }

    public ScripMasterDay Master { get; }

    /// <summary>Last week's expiry, over before today.</summary>
    public DateOnly Expired { get; }

    /// <summary>Four Tuesdays, nearest first, the first of them after tomorrow (a run across 15:30 IST finds it alive).</summary>
    public IReadOnlyList<DateOnly> Expiries { get; }

    /// <summary>
    /// NIFTY 50 and RELIANCE-EQ in the cash file; NIFTY options (lot 75, freeze 1801) from 25,500 to 26,500 every 50 on
    /// the expired and the four live expiries; the NIFTY and BANKNIFTY futures of the third live expiry.
    /// </summary>
    public static CachedScripMaster Create()
    {
        var now = DateTimeOffset.UtcNow;
        var first = ExpiryCalendar.FirstLiveDate(now).AddDays(2);
        while (first.DayOfWeek != DayOfWeek.Tuesday)
        {
            first = first.AddDays(1);
        }

        DateOnly[] expiries = [first, first.AddDays(7), first.AddDays(14), first.AddDays(21)];
        var expired = first.AddDays(-14);
        var master = new ScripMasterDay().WithCash(ScripMasterCsvSamples.Nifty50Index, ScripMasterCsvSamples.RelianceEquity);
        foreach (var expiry in expiries.Prepend(expired))
        {
            master.WithOptions("NIFTY", expiry, 25500m, 26500m, 50m);
        }

        master.AddFuture("NIFTY", expiries[2], 75, 1801);
        master.AddFuture("BANKNIFTY", expiries[2], 35, 1051);
        return new CachedScripMaster(IndianMarketTime.IstDate(now), master, expired, expiries);
    }

    /// <summary>Creates the database in <paramref name="dataFolder"/> as the app does and caches the master's day in it.</summary>
    public async Task SeedAsync(string dataFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataFolder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = dataFolder }).Build();
        await using (var provider = new ServiceCollection().AddLogging().AddKotakPersistence(configuration).BuildServiceProvider())
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            var instruments = await Master.InstrumentsAsync();
            var day = new ScripMasterCachedDay(Day, DateTimeOffset.UtcNow, instruments.Count, 0);
            await new ScripMasterCache(provider.GetRequiredService<IDbContextFactory<KotakDbContext>>()).ReplaceAsync(day, instruments, cancellationToken);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The tokens of the NIFTY calls and puts on <paramref name="strikes"/> of each given expiry.</summary>
    public IEnumerable<int> OptionTokens(IEnumerable<DateOnly> expiries, IReadOnlyList<decimal> strikes) =>
        expiries.SelectMany(expiry => strikes.SelectMany(strike =>
            new[] { OptionType.Call, OptionType.Put }.Select(type => Master.Token("NIFTY", expiry, strike, type))));

    public InstrumentId AtmCall(DateOnly expiry) => new(ExchangeSegment.NseFo, Master.Token("NIFTY", expiry, 25950m, OptionType.Call));
}
