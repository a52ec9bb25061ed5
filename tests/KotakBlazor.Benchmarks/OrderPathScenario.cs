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
/// <c>order-path --normal-sync</c> repeats the runs with <c>PRAGMA synchronous=NORMAL</c> on
/// the store's connections: a diagnostic that shows what the per-commit fsync costs. The app
/// does not set it.
/// </remarks>
internal static class OrderPathScenario
{
    private const int WarmUpOrders = 500;
    private const int MeasuredOrders = 2_000;

    public static async Task RunAsync()
    {
        var normalSync = Environment.GetCommandLineArgs().Contains("--normal-sync", StringComparer.OrdinalIgnoreCase);
        Console.WriteLine($"# Order path: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, temp folder {Path.GetTempPath()}");
        Console.WriteLine($"{MeasuredOrders:N0} sequential orders after {WarmUpOrders:N0} warm-up orders, pacing off, {PaperDesk.TicksPerSecond} background ticks/s; load average before: {OrderThroughputScenario.LoadAverage()}");
        Console.WriteLine(DiskProbe.Describe(Path.GetTempPath()));
        var rows = new List<string>();
        rows.Add(await MeasureAsync("strategy order (no idempotency key)", keyed: false, normalSync));
        rows.Add(await MeasureAsync("ticket/hub order (idempotency key looked up first)", keyed: true, normalSync));
        Console.WriteLine();
        Console.WriteLine("| order | SQLite | p50 | p90 | p99 | p99.9 | max | returned Open / Filled | CPU per order |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        await BreakdownAsync(normalSync);
        Console.WriteLine();
        Console.WriteLine($"load average after: {OrderThroughputScenario.LoadAverage()}");
    }

    private static async Task<string> MeasureAsync(string name, bool keyed, bool normalSync)
    {
        await using var desk = await PaperDesk.StartAsync(new DeskSetup(DeskOrders.PacingOff, DeskOrders.Limits, SynchronousNormal: normalSync));
        var run = Guid.NewGuid().ToString("N")[..8];
        long k = 0;
        for (var i = 0; i < WarmUpOrders; i++, k++)
        {
            await desk.Orders.SubmitAsync(DeskOrders.Request(desk.Stocks, k, keyed ? $"{run}:{k}" : null), CancellationToken.None);
        }

        await DeskOrders.SettleAsync(desk.Orders);
        var sample = new LatencySample(MeasuredOrders);
        int open = 0, filled = 0, other = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < MeasuredOrders; i++, k++)
        {
            var request = DeskOrders.Request(desk.Stocks, k, keyed ? $"{run}:{k}" : null);
            var start = Stopwatch.GetTimestamp();
            var outcome = await desk.Orders.SubmitAsync(request, CancellationToken.None);
            sample.Add(Stopwatch.GetTimestamp() - start);
            foreach (var order in outcome.Orders)
            {
                _ = order.Status switch
                {
                    OrderStatus.Open => open++,
                    OrderStatus.Filled => filled++,
                    _ => other++,
                };
            }

            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"Order {k} was refused: {outcome.Message}");
            }
        }

        await DeskOrders.SettleAsync(desk.Orders);
        // Process CPU (every thread: the kernel loop, the broker, the listeners storing fills, the tick feed) per order, fills stored included.
        var cpuPerOrder = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / MeasuredOrders;
        var s = sample.Summarise();
        Console.WriteLine($"{name}: {desk.Pragmas}");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {desk.Pragmas} | {LatencySample.Summary.Ms(s.Micros(0.5))} ms | {LatencySample.Summary.Ms(s.Micros(0.9))} ms | {LatencySample.Summary.Ms(s.Micros(0.99))} ms | {LatencySample.Summary.Ms(s.Micros(0.999))} ms | {LatencySample.Summary.Ms(s.MaxMicros)} ms | {open} / {filled}{(other > 0 ? $" (+{other} other)" : string.Empty)} | {cpuPerOrder:0.00} ms |");
    }

    /// <summary>The same run with each step timed by a wrapper (a few microseconds of overhead per step).</summary>
    private static async Task BreakdownAsync(bool normalSync)
    {
        var probes = new OrderPathProbes();
        await using var desk = await PaperDesk.StartAsync(new DeskSetup(DeskOrders.PacingOff, DeskOrders.Limits, probes, normalSync));
        long k = 0;
        for (var i = 0; i < WarmUpOrders; i++, k++)
        {
            await desk.Orders.SubmitAsync(DeskOrders.Request(desk.Stocks, k), CancellationToken.None);
        }

        await DeskOrders.SettleAsync(desk.Orders);
        probes.Enabled = true;
        var total = new LatencySample(MeasuredOrders);
        for (var i = 0; i < MeasuredOrders; i++, k++)
        {
            var request = DeskOrders.Request(desk.Stocks, k);
            var start = Stopwatch.GetTimestamp();
            await desk.Orders.SubmitAsync(request, CancellationToken.None);
            total.Add(Stopwatch.GetTimestamp() - start);
        }

        await DeskOrders.SettleAsync(desk.Orders);
        probes.Enabled = false;
        Console.WriteLine();
        Console.WriteLine($"Breakdown (strategy orders, each step timed by a wrapper; {desk.Pragmas}):");
        Console.WriteLine();
        Console.WriteLine("| step | calls | p50 | p90 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Print("SubmitAsync, whole call", total.Summarise());
        foreach (var probe in probes.All)
        {
            Print(probe.Name, probe.TakeSummary());
        }

        static void Print(string name, LatencySample.Summary s) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {s.Count:N0} | {LatencySample.Summary.Ms(s.Micros(0.5))} ms | {LatencySample.Summary.Ms(s.Micros(0.9))} ms | {LatencySample.Summary.Ms(s.Micros(0.99))} ms | {LatencySample.Summary.Ms(s.MaxMicros)} ms |"));
    }
}
