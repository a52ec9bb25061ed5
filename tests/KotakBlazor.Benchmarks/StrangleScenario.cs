using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Time to place and fill a 100-lot NIFTY short strangle (20 lots a batch: 5 batches x 2 legs =
/// 10 orders) on the paper broker with the default pacing of 10 orders/s, from Execute until the
/// last fill is recorded, and to close it again the same way. Every order goes through the real
/// path: kernel risk checks, write-ahead intent in SQLite, kill-switch gate, pacer, paper broker,
/// fill stored, placement state stored after every step. For comparison, one strangle is placed
/// with the old flow's fixed 10 s between batches.
/// </summary>
internal static class StrangleScenario
{
    private const int Lots = 100;
    private const int Runs = 10;

    // Between placements the broker's one-second window empties and the risk engine's 3 s duplicate
    // window passes (the next strangle sends the same 1,300-unit slices, which outside its own
    // placement would be refused as a double click).
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(3100);

    public static async Task RunAsync()
    {
        Console.WriteLine($"# Strangle placement: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, options tick every {StrangleDesk.TickInterval.TotalMilliseconds:0} ms, load average before: {OrderThroughputScenario.LoadAverage()}");
        var execution = new ExecutionOptions();
        var entries = new List<double>();
        var exits = new List<double>();
        string? timeline = null;
        await using (var desk = await StrangleDesk.StartAsync(execution, new PlacementOptions()))
        {
            // Warm-up: the code paths (EF Core, the kernel, the broker) settle in the JIT.
            await PlaceAndCloseAsync(desk);
            for (var run = 0; run < Runs; run++)
            {
                await Task.Delay(Pause);
                var (entry, exit, batches) = await PlaceAndCloseAsync(desk);
                entries.Add(entry);
                exits.Add(exit);
                timeline ??= batches;
            }
        }

        Console.WriteLine();
        Console.WriteLine("| run | orders | batches | pacing | p50 | max | min |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|");
        Console.WriteLine(Row($"place {Lots}-lot strangle (Execute to last fill stored), {Runs} runs", 10, 5, $"{execution.OrdersPerSecond}/s", entries));
        Console.WriteLine(Row($"close it again (buy back both legs in batches), {Runs} runs", 10, 5, $"{execution.OrdersPerSecond}/s", exits));
        Console.WriteLine();
        Console.WriteLine($"first measured placement, batches filled at: {timeline}");

        // The old flow for comparison: a fixed 10 s between batches.
        await using (var desk = await StrangleDesk.StartAsync(execution, new PlacementOptions { FixedDelayBetweenBatchesMilliseconds = 10_000 }))
        {
            var (entry, _, _) = await PlaceAsync(desk, Strangle(), PlacementKind.Entry);
            Console.WriteLine(Row($"place {Lots}-lot strangle with the old fixed 10 s between batches, 1 run", 10, 5, $"{execution.OrdersPerSecond}/s + 10 s", [entry]));
        }

        Console.WriteLine();
        Console.WriteLine($"load average after: {OrderThroughputScenario.LoadAverage()}");
    }

    private static async Task<(double Entry, double Exit, string Batches)> PlaceAndCloseAsync(StrangleDesk desk)
    {
        var draft = Strangle();
        var (entry, batches, _) = await PlaceAsync(desk, draft, PlacementKind.Entry);
        await Task.Delay(Pause);
        var (exit, _, _) = await PlaceAsync(desk, draft, PlacementKind.Exit);
        return (entry, exit, batches);
    }

    /// <returns>Milliseconds from the call to the last fill stored, and when each batch was recorded as filled (after the call).</returns>
    private static async Task<(double Milliseconds, string Batches, Placement Placement)> PlaceAsync(StrangleDesk desk, PlacementDraft draft, PlacementKind kind)
    {
        using var progress = desk.Placements.Progress.Subscribe(4096);
        var id = kind == PlacementKind.Entry ? draft.Id : Guid.NewGuid();
        var start = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        var result = kind == PlacementKind.Entry
            ? await desk.Placements.ExecuteAsync(draft, "bench", CancellationToken.None)
            : await desk.Placements.ExitAsync(id, draft.Id, "bench", CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{kind} refused: {result.Message}");
        }

        await desk.Placements.WhenIdleAsync(id);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var placement = desk.Placements.Find(id)!;
        if (placement.Status != PlacementStatus.Completed)
        {
            throw new InvalidOperationException($"{kind} ended {placement.Status}: {placement.StopReason}");
        }

        var filledAt = new List<string>();
        while (progress.Reader.TryRead(out var step))
        {
            if (step.Placement.Id == id && step.Kind == PlacementEventKind.BatchCompleted)
            {
                filledAt.Add(string.Create(CultureInfo.InvariantCulture, $"{(step.Time - startedAt).TotalMilliseconds:0} ms"));
            }
        }

        return (elapsed, string.Join(", ", filledAt), placement);
    }

    private static PlacementDraft Strangle() =>
        new(Guid.NewGuid(), "NIFTY short strangle", "NIFTY", StrangleDesk.Call.Expiry, ProductType.Nrml,
            [new DraftLeg(StrangleDesk.Call.Id, OrderSide.Sell, Lots), new DraftLeg(StrangleDesk.Put.Id, OrderSide.Sell, Lots)]);

    private static string Row(string name, int orders, int batches, string pacing, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        var p50 = sorted[(sorted.Count - 1) / 2];
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {orders} | {batches} | {pacing} | {p50:N0} ms | {sorted[^1]:N0} ms | {sorted[0]:N0} ms |");
    }
}
