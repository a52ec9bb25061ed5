using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Execution;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Orders per second the order desk sustains: N submitters each loop on
/// <see cref="OrderManager.SubmitAsync"/> (next order as soon as the last returned) against the
/// <see cref="PaperDesk"/> for a fixed window. Pacing off shows the engine's own ceiling; the
/// default pacing (10 orders/s) shows the pacer holding the broker's limit, first with the
/// risk engine's orders-per-second rule off (so only the pacer limits) and then with the
/// default limits, where that rule (also 10/s) refuses the excess before the pacer sees it.
/// </summary>
internal static class OrderThroughputScenario
{
    private const int WarmUpOrders = 3_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PacedWindow = TimeSpan.FromSeconds(3);

    public static async Task RunAsync()
    {
        Console.WriteLine($"# Order throughput: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {PaperDesk.TicksPerSecond} background ticks/s, load average before: {LoadAverage()}");
        var rows = new List<string>();

        // One desk for the unpaced runs, warmed up first (EF Core's code takes a few thousand calls to settle in the JIT); the runs follow each other on it.
        await using (var desk = await PaperDesk.StartAsync(new DeskSetup(DeskOrders.PacingOff, DeskOrders.Limits)))
        {
            var counter = new OrderCounter();
            for (var i = 0; i < WarmUpOrders; i++)
            {
                await desk.Orders.SubmitAsync(DeskOrders.Request(desk.Stocks, counter.Next()), CancellationToken.None);
            }

            await DeskOrders.SettleAsync(desk.Orders);
            foreach (var submitters in new[] { 1, 4, 16 })
            {
                rows.Add(await MeasureAsync(desk, counter, $"pacing off, {submitters} submitter{(submitters > 1 ? "s" : string.Empty)}", submitters, Window));
            }
        }

        // The paced runs get fresh desks (the pacer is set at construction); the code is warm by now.
        var paced = new ExecutionOptions();
        await using (var desk = await PaperDesk.StartAsync(new DeskSetup(paced, DeskOrders.Limits)))
        {
            rows.Add(await MeasureAsync(desk, new OrderCounter(), $"pacing {paced.OrdersPerSecond}/s, risk rate rule off, 4 submitters", 4, PacedWindow));
        }

        await using (var desk = await PaperDesk.StartAsync(new DeskSetup(paced, DeskOrders.Limits with { MaxOrdersPerSecond = 10 })))
        {
            rows.Add(await MeasureAsync(desk, new OrderCounter(), $"pacing {paced.OrdersPerSecond}/s, risk rate rule 10/s (default), 4 submitters", 4, PacedWindow));
        }

        Console.WriteLine();
        Console.WriteLine("| run | window | orders placed | orders/s | placed in each second of the window | refused | p50 | p99 | max | CPU per order |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine($"load average after: {LoadAverage()}");
    }

    private static async Task<string> MeasureAsync(PaperDesk desk, OrderCounter counter, string name, int submitters, TimeSpan window)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var reasons = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var runs = Enumerable.Range(0, submitters).Select(_ => Task.Run(async () =>
        {
            var results = new List<(long End, long Latency, bool Accepted)>();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                var outcome = await desk.Orders.SubmitAsync(DeskOrders.Request(desk.Stocks, counter.Next()), CancellationToken.None);
                var end = Stopwatch.GetTimestamp();
                results.Add((end, end - sent, outcome.Accepted));
                if (!outcome.Accepted)
                {
                    // Numbers vary from order to order; the words say which rule.
                    var words = new string([.. outcome.Message.Where(c => !char.IsDigit(c))]);
                    reasons.AddOrUpdate(words, 1, (_, n) => n + 1);
                }
            }

            return results;
        })).ToList();
        var all = (await Task.WhenAll(runs)).SelectMany(r => r).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await DeskOrders.SettleAsync(desk.Orders);

        // Only what finished inside the window counts: a paced order still waiting for its turn at the end is not throughput.
        var inWindow = all.Where(r => r.End <= deadline).ToList();
        var placed = inWindow.Where(r => r.Accepted).ToList();
        var sample = new LatencySample(Math.Max(1, placed.Count));
        foreach (var result in placed)
        {
            sample.Add(result.Latency);
        }

        var s = sample.Summarise();
        var seconds = (int)Math.Ceiling(window.TotalSeconds);
        var perSecond = new int[seconds];
        foreach (var result in placed)
        {
            perSecond[Math.Min(seconds - 1, (int)((result.End - start) / Stopwatch.Frequency))]++;
        }

        var refused = inWindow.Count(r => !r.Accepted);
        var cpuPerOrder = all.Count(r => r.Accepted) == 0 ? double.NaN : cpu.TotalMilliseconds / all.Count(r => r.Accepted);
        Console.WriteLine($"{name}: {placed.Count:N0} placed, {refused:N0} refused in {window.TotalSeconds:0} s ({desk.Pragmas})");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).Take(3))
        {
            Console.WriteLine($"  refused {count:N0} times: {reason}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {window.TotalSeconds:0} s | {placed.Count:N0} | {placed.Count / window.TotalSeconds:N1} | {string.Join(", ", perSecond)} | {refused:N0} | {LatencySample.Summary.Ms(s.Micros(0.5))} ms | {LatencySample.Summary.Ms(s.Micros(0.99))} ms | {LatencySample.Summary.Ms(s.MaxMicros)} ms | {cpuPerOrder:0.00} ms |");
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Numbers the orders of a desk across submitters and runs, so no two are the same order.</summary>
    private sealed class OrderCounter
    {
        private long _next = -1;

        public long Next() => Interlocked.Increment(ref _next);
    }
}
