using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Tick ingestion and bus throughput.
/// <list type="bullet">
/// <item><b>direct</b>: one thread builds raw ticks (a synthetic feed: 500 instruments round
/// robin, exchange time +1 µs per tick, rising cumulative volume) and calls
/// <see cref="TickIngestion.Ingest"/>, which validates, stamps (sequence + TimeProvider.System
/// time) and publishes to a <see cref="TickBus"/> with N queue subscriptions (capacity 65,536).
/// Each subscription is drained concurrently by its own consumer task. The clock covers the
/// producer loop only; ticks a consumer was too slow for are dropped and counted.</item>
/// <item><b>pipeline</b>: the same synthetic feed as an <see cref="IMarketDataFeed"/> run by
/// <see cref="TickPipeline"/>: feed task → bounded channel → ingestion loop → bus → N drained
/// subscriptions. The clock covers RunAsync from start until every tick is ingested.</item>
/// </list>
/// Bytes: GC.GetTotalAllocatedBytes(true) (every thread, consumers included) around the
/// measured part. Bytes per tick in steady state: what a run of twice the ticks allocates beyond
/// the smallest normal run, divided by the extra ticks, so one-off set-up per run cancels out.
/// </summary>
internal static class IngestionScenario
{
    private const int Instruments = 500;
    private const int TicksPerRun = 5_000_000;
    private const int WarmUpTicks = 2_000_000;
    private const int Runs = 5;
    private const int QueueCapacity = 65_536;

    public static async Task RunAsync()
    {
        Console.WriteLine($"Tick ingestion and bus: {Environment.ProcessorCount} logical cores, {RuntimeInformationText()}");
        Console.WriteLine($"{Runs} runs of {TicksPerRun:N0} ticks after {WarmUpTicks:N0} warm-up ticks; median and best run shown.");
        Console.WriteLine();
        Console.WriteLine("| path | subscribers | median ticks/s | best ticks/s | bytes allocated per run (max) | bytes/tick, steady state | dropped by slow subscribers |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var subscribers in new[] { 1, 8 })
        {
            await MeasureAsync("direct: ingest + publish", subscribers, DirectRunAsync);
        }

        foreach (var subscribers in new[] { 1, 8 })
        {
            await MeasureAsync("pipeline: feed → channel → ingest → bus", subscribers, PipelineRunAsync);
        }
    }

    private static async Task MeasureAsync(string path, int subscriberCount, Func<Rig, long, int, Task<TimeSpan>> run)
    {
        var rig = new Rig(subscriberCount);
        var firstTick = 0L;
        await run(rig, firstTick, WarmUpTicks);
        firstTick += WarmUpTicks;
        await rig.WaitForConsumersAsync();

        var rates = new List<double>();
        var bytes = new List<long>();
        var droppedBefore = rig.Dropped;
        for (var i = 0; i < Runs; i++)
        {
            var (elapsed, allocated) = await MeasureRunAsync(rig, run, firstTick, TicksPerRun);
            firstTick += TicksPerRun;
            rates.Add(TicksPerRun / elapsed.TotalSeconds);
            bytes.Add(allocated);
        }

        var dropped = rig.Dropped - droppedBefore;

        // Per-run set-up (a pipeline's channel buffer, the harness's tasks) is the same for any
        // run length; what a run of twice the ticks allocates beyond that is the cost per tick.
        var (_, doubleAllocated) = await MeasureRunAsync(rig, run, firstTick, 2 * TicksPerRun);
        var steadyBytesPerTick = Math.Max(0, doubleAllocated - bytes.Min()) / (double)TicksPerRun;
        if (rig.Ingestion.Counters.Dropped != 0)
        {
            throw new InvalidOperationException("The synthetic feed produced ticks that ingestion rejected.");
        }

        await rig.DisposeAsync();
        rates.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {path} | {subscriberCount} | {rates[rates.Count / 2]:N0} | {rates[^1]:N0} | {bytes.Max():N0} | {steadyBytesPerTick:0.###} | {dropped:N0} of {(long)Runs * TicksPerRun * subscriberCount:N0} |"));
    }

    private static async Task<(TimeSpan Elapsed, long Allocated)> MeasureRunAsync(Rig rig, Func<Rig, long, int, Task<TimeSpan>> run, long firstTick, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var elapsed = await run(rig, firstTick, count);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await rig.WaitForConsumersAsync();
        return (elapsed, allocated);
    }

    private static Task<TimeSpan> DirectRunAsync(Rig rig, long firstTick, int count)
    {
        var ingestion = rig.Ingestion;
        var stopwatch = Stopwatch.StartNew();
        for (var n = firstTick; n < firstTick + count; n++)
        {
            var tick = SyntheticFeed.Make(n);
            ingestion.Ingest(in tick);
        }

        return Task.FromResult(stopwatch.Elapsed);
    }

    private static async Task<TimeSpan> PipelineRunAsync(Rig rig, long firstTick, int count)
    {
        var pipeline = new TickPipeline(rig.Ingestion, TimeProvider.System, NullLogger<TickPipeline>.Instance);
        var stopwatch = Stopwatch.StartNew();
        await pipeline.RunAsync([new SyntheticFeed(firstTick, count)], CancellationToken.None);
        return stopwatch.Elapsed;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    /// <summary>Bus, ingestion and N queue subscriptions, each drained by a consumer task.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly TickQueueSubscription[] _subscriptions;
        private readonly Task[] _consumers;
        private readonly long[] _received;

        public Rig(int subscriberCount)
        {
            var bus = new TickBus();
            Ingestion = new TickIngestion(bus, TimeProvider.System);
            _subscriptions = Enumerable.Range(0, subscriberCount).Select(_ => bus.SubscribeQueue(QueueCapacity)).ToArray();
            _received = new long[subscriberCount];
            _consumers = _subscriptions.Select((s, i) => Task.Run(() => ConsumeAsync(s, i))).ToArray();
        }

        public TickIngestion Ingestion { get; }

        public long Dropped => _subscriptions.Sum(s => s.Dropped);

        public async Task WaitForConsumersAsync()
        {
            // Not part of any measurement: lets consumers catch up between runs.
            while (_subscriptions.Any(s => s.Count > 0))
            {
                await Task.Delay(1);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            await Task.WhenAll(_consumers);
        }

        private async Task ConsumeAsync(TickQueueSubscription subscription, int index)
        {
            var buffer = new Tick[1024];
            long checksum = 0;
            while (await subscription.WaitToReadAsync(CancellationToken.None))
            {
                var count = subscription.Drain(buffer);
                for (var i = 0; i < count; i++)
                {
                    checksum += buffer[i].Sequence;
                }

                _received[index] += count;
            }

            GC.KeepAlive(checksum);
        }
    }

    /// <summary>A feed that makes ticks as fast as it can: every one valid and new for ingestion.</summary>
    private sealed class SyntheticFeed(long firstTick, int count) : IMarketDataFeed
    {
        private static readonly DateTimeOffset Open = new(2025, 11, 24, 3, 45, 0, TimeSpan.Zero);
        private static readonly InstrumentId[] Ids = Enumerable.Range(1, Instruments).Select(t => new InstrumentId(ExchangeSegment.NseFo, 40_000 + t)).ToArray();

        public string Name => "synthetic";

        public static Tick Make(long n)
        {
            var price = 100m + (n & 255);
            return new Tick(Ids[n % Instruments], price, 1, (n / Instruments) + 1, 0, price - 0.05m, price + 0.05m, 100m, Open.AddTicks(n * 10));
        }

        public async Task RunAsync(IFeedSink sink, CancellationToken cancellationToken)
        {
            sink.ReportConnection(true);
            for (var n = firstTick; n < firstTick + count; n++)
            {
                await sink.WriteAsync(Make(n), cancellationToken);
            }
        }
    }
}
