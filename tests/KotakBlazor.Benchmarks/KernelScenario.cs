using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Kernel throughput: recorded-style ticks for 50 instruments (40 stocks, the NIFTY index, its
/// future and 8 options... plus the rest of a NIFTY option chain quoted) through bars,
/// indicators and every built-in strategy, as <see cref="KernelCore.OnTick"/> calls in a loop
/// on one thread. Ticks are generated before the clock starts, so only the kernel is timed.
/// </summary>
internal static class KernelScenario
{
    private const int TicksPerRun = 2_000_000;
    private const int Runs = 5;

    public static Task RunAsync()
    {
        var market = new SyntheticMarket();
        var catalog = market.Catalog;
        var tickSets = market.Ticks(SyntheticMarket.FirstOpen, ticksPerSession: TicksPerRun, sessions: 1).ToArray();
        // Optional: `kernel key1 key2` runs only those strategy kinds (to find a slow one).
        var only = Environment.GetCommandLineArgs().SkipWhile(a => !a.Equals("kernel", StringComparison.OrdinalIgnoreCase)).Skip(1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var strategies = BuiltInStrategies.All.Where(d => only.Count == 0 || only.Contains(d.Key)).ToList();
        Console.WriteLine($"# Kernel: {strategies.Count} strategy kinds, {catalog.All.Count} instruments, {TicksPerRun:N0} ticks per run, {Runs} runs");
        var results = new List<(double TicksPerSecond, double BytesPerTick, int Signals, double P50, double P99, int Strategies)>();
        for (var run = -1; run < Runs; run++)
        {
            var result = RunOnce(catalog, tickSets, strategies);
            if (run >= 0)
            {
                results.Add(result);
            }
        }

        var median = results.OrderBy(r => r.TicksPerSecond).ElementAt(results.Count / 2);
        Console.WriteLine();
        Console.WriteLine("| strategies running | median ticks/s | best ticks/s | bytes/tick (median run) | signals per run | tick-to-signal p50 | tick-to-signal p99 |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {median.Strategies} | {median.TicksPerSecond:N0} | {results.Max(r => r.TicksPerSecond):N0} | {median.BytesPerTick:0.##} | {median.Signals} | {median.P50:0.0} µs | {median.P99:0.0} µs |"));
        return Task.CompletedTask;
    }

    private static (double, double, int, double, double, int) RunOnce(InstrumentCatalog catalog, Tick[] ticks, IReadOnlyList<StrategyDefinition> definitions)
    {
        var events = new CountingEvents();
        var kernel = new KernelCore(catalog, events);
        var count = AddEverywhere(kernel, catalog, definitions);

        // Pass 1: throughput and allocation, nothing but OnTick in the loop.
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < ticks.Length; i++)
        {
            kernel.OnTick(in ticks[i]);
        }

        watch.Stop();
        var bytesPerTick = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ticks.Length;
        var signals = events.Signals;

        // Pass 2 on a fresh kernel: time each tick, keep the ticks that raised a signal.
        var timedEvents = new CountingEvents();
        var timed = new KernelCore(catalog, timedEvents);
        foreach (var status in kernel.Strategies)
        {
            var definition = definitions.First(d => d.Key == status.Config.Key);
            StrategySettings.TryCreate(definition, status.Config, catalog, out var settings, out _);
            timed.Add(settings!);
        }

        var latencies = new List<double>();
        for (var i = 0; i < ticks.Length; i++)
        {
            var before = timedEvents.Signals;
            var start = Stopwatch.GetTimestamp();
            timed.OnTick(in ticks[i]);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (timedEvents.Signals != before)
            {
                latencies.Add(elapsed.TotalMicroseconds);
            }
        }

        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
        return (ticks.Length / watch.Elapsed.TotalSeconds, bytesPerTick, signals, Percentile(0.5), Percentile(0.99), count);
    }

    /// <summary>Adds each directional kind to every stock and each option kind to NIFTY; returns how many run.</summary>
    internal static int AddEverywhere(KernelCore kernel, InstrumentCatalog catalog, IReadOnlyList<StrategyDefinition> definitions)
    {
        var count = 0;
        foreach (var definition in definitions)
        {
            var targets = definition.Instruments == StrategyInstruments.OptionsOnUnderlying
                ? catalog.All.Where(i => i.TradingSymbol == "Nifty 50")
                : catalog.All.Where(i => i.Type == InstrumentType.Equity);
            foreach (var instrument in targets)
            {
                var config = new StrategyConfig(Guid.NewGuid(), definition.Key, $"{definition.Key} {instrument.TradingSymbol}", [instrument.Id], Timeframe.OneMinute, 1, ProductType.Mis, new Dictionary<string, string>(), true);
                if (StrategySettings.TryCreate(definition, config, catalog, out var settings, out _))
                {
                    kernel.Add(settings!);
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Counts signals; reports a strategy that stopped on an error.</summary>
    internal sealed class CountingEvents : IKernelEvents
    {
        public int Signals { get; private set; }

        public void SignalRaised(Signal signal) => Signals++;

        public void StrategyChanged(StrategyStatus status, bool removed, Exception? fault)
        {
            if (fault is not null)
            {
                Console.Error.WriteLine($"strategy {status.Config.Name} stopped: {status.Error}");
            }
        }
    }
}
