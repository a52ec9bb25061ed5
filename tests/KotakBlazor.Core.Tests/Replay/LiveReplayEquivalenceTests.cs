using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;
using Microsoft.Extensions.Logging.Abstractions;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Replay;

public sealed class LiveReplayEquivalenceTests
{
    [Fact]
    public async Task A_day_recorded_to_csv_and_replayed_gives_exactly_the_signals_the_live_kernel_gave()
    {
        var ticks = ReplayTestData.Day(minutes: 60, seed: 11);
        StrategySettings[] strategies =
        [
            Settings(UpBar, "up"),
            Settings(BreakoutTestStrategy.Definition, "breakout reliance"),
            Settings(BreakoutTestStrategy.Definition, "breakout infy", instrument: Infy),
        ];

        // Replay: the ticks written to the tick format, read back, run as fast as it goes.
        var errors = new List<CsvRowError>();
        var recorded = new TickCsvReader(Catalog).Read(new StringReader(ReplayTestData.ToCsv(ticks)), errors);
        var replay = new ReplayRunner(Catalog).RunTicks(strategies, recorded);
        Assert.Empty(errors);

        // Live: ingestion -> bus -> the kernel's own loop on another thread.
        var bus = new TickBus();
        var ingestion = new TickIngestion(bus, TimeProvider.System);
        var streams = new KernelEventStreams();
        using var signals = streams.Signals.Subscribe(capacity: 10_000);
        var kernel = new TradingKernel(new KernelCore(Catalog, streams), bus, NullLogger<TradingKernel>.Instance);
        using var stop = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = Task.Run(() => kernel.RunAsync(stop.Token));

        // A command completes only on the running loop, which subscribed to the bus before looping.
        foreach (var settings in strategies)
        {
            await kernel.InvokeAsync(k => k.Add(settings), timeout.Token);
        }

        foreach (var tick in ticks)
        {
            ingestion.Ingest(in tick);
        }

        var live = new List<Signal>();
        while (live.Count < replay.Signals.Count)
        {
            live.Add(await signals.Reader.ReadAsync(timeout.Token));
        }

        // Once the kernel has handled every accepted tick, every signal it will raise is in the queue.
        while (await kernel.InvokeAsync(k => k.TickCount, timeout.Token) < ingestion.Counters.Accepted)
        {
        }

        Assert.False(signals.Reader.TryRead(out var extra), $"live raised more signals than the replay, e.g. {extra?.Summary}");
        await stop.CancelAsync();
        await running;

        Assert.True(replay.Signals.Count >= 20, $"only {replay.Signals.Count} signals: the data no longer exercises the strategies");
        Assert.Equal(2, ingestion.Counters.Dropped);
        Assert.Equal(ingestion.Counters.Accepted, replay.Stats.Ticks);
        Assert.Equal(replay.Signals.Select(ReplayTestData.Describe), live.Select(ReplayTestData.Describe));
    }
}
