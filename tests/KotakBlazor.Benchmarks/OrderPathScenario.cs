using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Intent to paper acknowledgement: <see cref="Core.Execution.OrderManager.SubmitAsync"/> timed
/// from the call to its return, one order at a time, on the <see cref="PaperDesk"/> (the live
/// order path on a real SQLite file) with pacing off. The call covers the risk decision on the
/// kernel's loop, the intent insert, the paper broker's PlaceAsync (a market order fills inside
/// it) and the acknowledgement save. The broker's fill pushes are stored by the desk's listeners
/// at the same time, as live, and compete for the desk's lock and the database.
/// </summary>
/// <remarks>
/// One desk, warmed up with <see cref="WarmUpOrders"/> orders first: tiered compilation keeps
/// recompiling the path for the first few thousand calls (the JIT column
/// shows it has settled). The decider, store and broker are wrapped by <see cref="OrderPathProbes"/>
/// to time each step; the wrappers cost a few microseconds a call, and record only during the
/// strategy-order run.
/// </remarks>
internal static class OrderPathScenario
{
    private const int WarmUpOrders = 10_000;
    private const int MeasuredOrders = 2_000;

    public static async Task RunAsync()
    {
        Console.WriteLine($"# Order path: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, temp folder {Path.GetTempPath()}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC ({(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}; the web host runs server, concurrent: DOTNET_gcServer=1 DOTNET_gcConcurrent=1)");
        Console.WriteLine($"{MeasuredOrders:N0} sequential orders per row after {WarmUpOrders:N0} warm-up orders, pacing off, {PaperDesk.TicksPerSecond} background ticks/s; load average before: {OrderThroughputScenario.LoadAverage()}");
        Console.WriteLine(DiskProbe.Describe(Path.GetTempPath()));
        // The Paper modes' store (intents not fsynced: the broker lives in the process) and Kotak's (intents fsynced), ADR 0016.
        var paper = await RunDeskAsync(fsyncIntents: false);
        var kotak = await RunDeskAsync(fsyncIntents: true);

        Console.WriteLine();
        Console.WriteLine("| store | order | p50 | p90 | p99 | p99.9 | max | returned Open / Filled | CPU per order | methods JIT-compiled during the run | GCs gen0 / 1 / 2, paused, allocated (all threads) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var row in paper.Rows.Select(r => "| Paper (intent not fsynced) " + r).Concat(kotak.Rows.Select(r => "| Kotak (intent fsynced) " + r)))
        {
            Console.WriteLine(row);
        }

        foreach (var (name, desk) in new[] { ("Paper", paper), ("Kotak", kotak) })
        {
            Console.WriteLine();
            Console.WriteLine($"Breakdown of the {name} strategy-order run, each step timed by its wrapper ({desk.Pragmas}):");
            Console.WriteLine();
            Console.WriteLine("| step | calls | p50 | p90 | p99 | max |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var line in desk.Steps)
            {
                Console.WriteLine(line);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Load average after: {OrderThroughputScenario.LoadAverage()}");
    }

    private static async Task<DeskRun> RunDeskAsync(bool fsyncIntents)
    {
        var probes = new OrderPathProbes();
        await using var desk = await PaperDesk.StartAsync(new DeskSetup(DeskOrders.PacingOff, DeskOrders.Limits, probes, fsyncIntents));
        var run = Guid.NewGuid().ToString("N")[..8];
        long k = 0;
        for (var i = 0; i < WarmUpOrders; i++, k++)
        {
            // Both kinds, so the idempotency check is warm too.
            await desk.Orders.SubmitAsync(DeskOrders.Request(desk.Stocks, k, i % 2 == 0 ? $"{run}:{k}" : null), CancellationToken.None);
        }

        await DeskOrders.SettleAsync(desk.Orders);
        probes.Enabled = true;
        var strategy = await MeasureAsync(desk, "strategy order (no idempotency key)", k, null);
        probes.Enabled = false;
        k += MeasuredOrders;
        var keyed = await MeasureAsync(desk, "ticket/hub order (idempotency key checked first)", k, run);
        var steps = probes.All.Select(probe => probe.TakeSummary() is var s
            ? string.Create(CultureInfo.InvariantCulture,
                $"| {probe.Name} | {s.Count:N0} | {LatencySample.Summary.Ms(s.Micros(0.5))} ms | {LatencySample.Summary.Ms(s.Micros(0.9))} ms | {LatencySample.Summary.Ms(s.Micros(0.99))} ms | {LatencySample.Summary.Ms(s.MaxMicros)} ms |")
            : string.Empty).ToList();
        return new DeskRun([strategy, keyed], steps, desk.Pragmas);
    }

    private sealed record DeskRun(IReadOnlyList<string> Rows, IReadOnlyList<string> Steps, string Pragmas);

    /// <param name="keyRun">When given, each order carries an idempotency key made from it.</param>
    private static async Task<string> MeasureAsync(PaperDesk desk, string name, long firstK, string? keyRun)
    {
        var sample = new LatencySample(MeasuredOrders);
        int open = 0, filled = 0, other = 0, slow = 0, slowWithGc = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        for (var k = firstK; k < firstK + MeasuredOrders; k++)
        {
            var request = DeskOrders.Request(desk.Stocks, k, keyRun is null ? null : $"{keyRun}:{k}");
            var collections = GC.CollectionCount(0);
            var start = Stopwatch.GetTimestamp();
            var outcome = await desk.Orders.SubmitAsync(request, CancellationToken.None);
            var elapsed = Stopwatch.GetTimestamp() - start;
            sample.Add(elapsed);
            if (elapsed > Stopwatch.Frequency / 500)
            {
                // Over 2 ms: was a garbage collection part of it?
                slow++;
                slowWithGc += GC.CollectionCount(0) != collections ? 1 : 0;
            }
            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"Order {k} was refused: {outcome.Message}");
            }

            foreach (var order in outcome.Orders)
            {
                _ = order.Status switch
                {
                    OrderStatus.Open => open++,
                    OrderStatus.Filled => filled++,
                    _ => other++,
                };
            }
        }

        await DeskOrders.SettleAsync(desk.Orders);
        // Process CPU (every thread: the kernel loop, the broker, the listeners storing fills, the tick feed, the GC) per order, its fill's saves included.
        var cpuPerOrder = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / MeasuredOrders;
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
        var gcs = string.Create(CultureInfo.InvariantCulture,
            $"{GC.CollectionCount(0) - gen0} / {GC.CollectionCount(1) - gen1} / {GC.CollectionCount(2) - gen2}, {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0.0} ms, {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / MeasuredOrders:0} KB per order; {slow} orders over 2 ms, {slowWithGc} of them during a GC");
        var s = sample.Summarise();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {LatencySample.Summary.Ms(s.Micros(0.5))} ms | {LatencySample.Summary.Ms(s.Micros(0.9))} ms | {LatencySample.Summary.Ms(s.Micros(0.99))} ms | {LatencySample.Summary.Ms(s.Micros(0.999))} ms | {LatencySample.Summary.Ms(s.MaxMicros)} ms | {open} / {filled}{(other > 0 ? $" (+{other} other)" : string.Empty)} | {cpuPerOrder:0.00} ms | {jitted:N0} | {gcs} |");
    }
}
