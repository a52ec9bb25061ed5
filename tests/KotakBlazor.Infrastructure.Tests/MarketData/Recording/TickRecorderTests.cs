using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Recording;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Recording;

public sealed class TickRecorderTests : IDisposable
{
    private static readonly Instrument Reliance = new(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    private static readonly Instrument Nifty = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0);
    private static readonly InstrumentCatalog Catalog = new([Reliance, Nifty]);

    // 23:59:50 and 00:00:10 IST across the night of 23/24 November 2026.
    private static readonly DateTimeOffset BeforeMidnightIst = new(2026, 11, 23, 18, 29, 50, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kotakblazor-recorder-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(BeforeMidnightIst);
    private readonly TickBus _bus = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Accepted_ticks_go_to_one_file_per_ist_date_with_a_header_and_read_back_as_they_were()
    {
        var ingestion = new TickIngestion(_bus, _clock);
        Tick[] day1 =
        [
            new(Reliance.Id, 1510.40m, 5, 100, 0, 1510.35m, 1510.45m, 1500m, BeforeMidnightIst),
            new(Nifty.Id, 25950.15m, 0, 0, 0, 0m, 0m, 25900m, BeforeMidnightIst.AddSeconds(1)),
        ];
        Tick[] day2 =
        [
            new(Reliance.Id, 1511m, 7, 7, 0, 0m, 0m, 1500m, BeforeMidnightIst.AddSeconds(20)),
            new(Nifty.Id, 25951.00m, 0, 0, 0, 0m, 0m, 25900m, BeforeMidnightIst.AddSeconds(21)),
        ];
        var unknown = new Tick(new InstrumentId(ExchangeSegment.NseFo, 99_999), 10m, 1, 1, 0, 0m, 0m, 0m, BeforeMidnightIst.AddSeconds(2));
        var recorder = new TickRecorder(_bus, Catalog, _folder, _clock, NullLogger<TickRecorder>.Instance);
        using var stop = new CancellationTokenSource();

        // Published before the run starts: the recorder subscribed when it was made.
        ingestion.Ingest(in day1[0]);
        var running = recorder.RunAsync(stop.Token);
        foreach (var tick in day1.Skip(1).Append(unknown).Concat(day2))
        {
            ingestion.Ingest(in tick);
        }

        await stop.CancelAsync();
        await running;

        Assert.Equal(["ticks-2026-11-23.csv", "ticks-2026-11-24.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
        Assert.Equal(day1.Select(Recorded), Read("ticks-2026-11-23.csv"));
        Assert.Equal(day2.Select(Recorded), Read("ticks-2026-11-24.csv"));
        Assert.All(Directory.GetFiles(_folder), path => Assert.Single(File.ReadAllLines(path), line => line == ReplayCsv.TickHeader));
        Assert.Equal((4L, 1L, 0L, 0L), (recorder.Written, recorder.Skipped, recorder.Dropped, recorder.Lost));
        Assert.Equal(0, _bus.SubscriberCount);
    }

    [Fact]
    public async Task A_restart_on_the_same_day_appends_without_a_second_header_and_a_torn_last_row_stays_the_only_bad_one()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, TickRecorder.FileName(new DateOnly(2026, 11, 23)));
        await File.WriteAllTextAsync(path, ReplayCsv.TickHeader + "\n2026-11-23T23:59:40.0000000+05:30,RELIANCE-EQ,1509,1,90,0\n2026-11-23T23:59:4");
        var tick = new Tick(Reliance.Id, 1510.40m, 5, 100, 0, 0m, 0m, 0m, BeforeMidnightIst);
        var recorder = new TickRecorder(_bus, Catalog, _folder, _clock, NullLogger<TickRecorder>.Instance);
        using var stop = new CancellationTokenSource();

        _bus.Publish(in tick);
        await stop.CancelAsync();
        await recorder.RunAsync(stop.Token);

        var errors = new List<CsvRowError>();
        var ticks = new TickCsvReader(Catalog).Read(new StringReader(await File.ReadAllTextAsync(path)), errors).ToList();
        Assert.Equal([1509m, 1510.40m], ticks.Select(t => t.LastPrice));
        Assert.Equal(3, Assert.Single(errors).LineNumber);
        Assert.Single(File.ReadAllLines(path), line => line == ReplayCsv.TickHeader);
    }

    private static Tick Recorded(Tick tick) => tick with { BidPrice = 0m, AskPrice = 0m, PreviousClose = 0m };

    private List<Tick> Read(string fileName)
    {
        var errors = new List<CsvRowError>();
        using var reader = new StreamReader(Path.Combine(_folder, fileName));
        var ticks = new TickCsvReader(Catalog).Read(reader, errors).ToList();
        Assert.Empty(errors);
        return ticks;
    }
}
