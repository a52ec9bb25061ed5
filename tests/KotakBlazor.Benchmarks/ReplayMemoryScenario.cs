using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Replays five trading days of ticks for 50 instruments (plus options) through the kernel with
/// every built-in strategy, and samples the process's memory once per simulated hour, to show
/// that what the kernel keeps (bars, indicators, strategy state) is bounded: memory stays flat
/// after the first session's warm-up.
/// </summary>
internal static class ReplayMemoryScenario
{
    private const int Sessions = 5;
    private const int TicksPerSession = 2_250_000; // 100 ticks/s over 6h15m
    private const int SamplesPerSession = 6;

    public static Task RunAsync()
    {
        var market = new SyntheticMarket();
        var kernel = new KernelCore(market.Catalog, new KernelScenario.CountingEvents());
        var strategies = KernelScenario.AddEverywhere(kernel, market.Catalog, BuiltInStrategies.All);
        Console.WriteLine($"# Replay memory: {Sessions} sessions x {TicksPerSession:N0} ticks, {strategies} strategies, {market.Catalog.All.Count} instruments");
        Console.WriteLine();
        Console.WriteLine("| session | hour | ticks so far | managed heap after GC (MB) | working set (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var samples = new List<(int Session, double HeapMb, double WorkingSetMb)>();
        var every = TicksPerSession / SamplesPerSession;
        long count = 0;
        var watch = Stopwatch.StartNew();
        foreach (var tick in market.Ticks(SyntheticMarket.FirstOpen, TicksPerSession, Sessions))
        {
            kernel.OnTick(in tick);
            count++;
            if (count % every == 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
                var workingSet = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
                var session = (int)((count - 1) / TicksPerSession) + 1;
                samples.Add((session, heap, workingSet));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {session} | {(count - 1) % TicksPerSession / every + 1} | {count:N0} | {heap:0.0} | {workingSet:0.0} |"));
            }
        }

        var afterWarmUp = samples.Where(s => s.Session > 1).ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} ticks in {watch.Elapsed.TotalSeconds:0.0} s; managed heap after session 1: min {afterWarmUp.Min(s => s.HeapMb):0.0} MB, max {afterWarmUp.Max(s => s.HeapMb):0.0} MB; working set max {samples.Max(s => s.WorkingSetMb):0.0} MB"));
        return Task.CompletedTask;
    }
}
