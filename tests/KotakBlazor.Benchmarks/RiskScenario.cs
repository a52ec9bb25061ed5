using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Risk check latency in the kernel: <see cref="KernelCore.Decide"/> (every rule, then counting
/// the order and planning its slices) and <see cref="KernelCore.Preview"/> (the rules only),
/// timed call by call on one thread. Between two calls the kernel handles two ticks of the
/// <see cref="SyntheticMarket"/> (not timed), so prices move, positions are marked and the
/// clock walks through two NSE sessions; requests are built from the latest prices before the
/// clock starts (see <see cref="RiskRequests"/> for the mix of allowed and refused ones).
/// </summary>
internal static class RiskScenario
{
    private const int Calls = 1_000_000;
    private const int WarmUpCalls = 100_000;
    private const int TicksPerCall = 2;
    private const int OpeningTicks = 10_000;
    private const int Sessions = 2;

    /// <summary>
    /// The defaults, with the counting limits raised so a million orders over two sessions are
    /// not all refused: ~10 accepted orders a second of market time, ~100,000 a day. Every rule
    /// still runs (a limit of 0 would skip it).
    /// </summary>
    internal static readonly RiskLimits Limits = RiskLimits.Default with
    {
        MaxOrdersPerSecond = 100,
        MaxOrdersPerDay = 1_000_000,
        MaxDailyLoss = 10_000_000m,
    };

    public static Task RunAsync()
    {
        var market = new SyntheticMarket();
        Console.WriteLine($"# Risk: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average before: {OrderThroughputScenario.LoadAverage()}");
        Console.WriteLine($"{Calls:N0} calls each for Decide and Preview after a {WarmUpCalls:N0}-call warm-up; {TicksPerCall} ticks between calls; {market.Catalog.All.Count} instruments");
        Run(market, WarmUpCalls, preview: false);
        Run(market, WarmUpCalls, preview: true);
        var decide = Run(market, Calls, preview: false);
        var preview = Run(market, Calls, preview: true);

        Console.WriteLine();
        Console.WriteLine("| call | requests | calls | p50 | p90 | p99 | p99.9 | max | bytes/call (mean) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, result) in new[] { ("Decide", decide), ("Preview", preview) })
        {
            Row(name, "all", result.All.Summarise(), result.AllBytes);
            Row(name, "allowed", result.Allowed.Summarise(), result.AllowedBytes);
            Row(name, "refused", result.Refused.Summarise(), result.RefusedBytes);
        }

        Console.WriteLine();
        Console.WriteLine("Decide by request kind (µs):");
        Console.WriteLine();
        Console.WriteLine("| kind | calls | allowed | p50 | p99 | bytes/call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (kind, stats) in decide.ByKind.OrderBy(k => k.Key))
        {
            var summary = stats.Sample.Summarise();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {summary.Count:N0} | {100.0 * stats.Allowed / summary.Count:0.0}% | {LatencySample.Summary.Us(summary.Micros(0.5))} | {LatencySample.Summary.Us(summary.Micros(0.99))} | {stats.Bytes / (double)summary.Count:0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Decide run: {decide.Gen0} gen0 / {decide.Gen2} gen2 collections, {decide.OpenPositions} open positions at the end, kill switch {(decide.KillSwitchTripped ? "TRIPPED" : "armed")}, {decide.Ticks:N0} ticks, market time {decide.MarketTime}"));
        return Task.CompletedTask;

        static void Row(string call, string requests, LatencySample.Summary s, long bytes) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {call} | {requests} | {s.Count:N0} | {LatencySample.Summary.Us(s.Micros(0.5))} µs | {LatencySample.Summary.Us(s.Micros(0.9))} µs | {LatencySample.Summary.Us(s.Micros(0.99))} µs | {LatencySample.Summary.Us(s.Micros(0.999))} µs | {LatencySample.Summary.Us(s.MaxMicros)} µs | {bytes / (double)Math.Max(1, s.Count):0} |"));
    }

    private static Result Run(SyntheticMarket market, int calls, bool preview)
    {
        var core = new KernelCore(market.Catalog, new KernelScenario.CountingEvents(), limits: Limits);
        var ticksPerSession = (OpeningTicks + (calls * TicksPerCall)) / Sessions;
        using var ticks = market.Ticks(SyntheticMarket.FirstOpen, ticksPerSession, Sessions).GetEnumerator();
        var requests = new RiskRequests(market.Catalog);
        long tickCount = 0;

        void Feed(int count)
        {
            for (var i = 0; i < count && ticks.MoveNext(); i++)
            {
                var tick = ticks.Current;
                core.OnTick(in tick);
                requests.Observe(in tick);
                tickCount++;
            }
        }

        Feed(OpeningTicks);
        foreach (var fill in requests.OpeningFills(core.Now))
        {
            core.ApplyFill(fill);
        }

        var result = new Result(calls);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        for (var call = 0; call < calls; call++)
        {
            Feed(TicksPerCall);
            var (kind, request) = requests.Next();
            var now = core.Now;
            bool allowed;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            if (preview)
            {
                allowed = core.Preview(request, now).IsAllowed;
            }
            else
            {
                var decision = core.Decide(request, now);
                allowed = decision.IsAllowed;
            }

            var elapsed = Stopwatch.GetTimestamp() - start;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            result.Add(kind, allowed, elapsed, allocated);
            if (allowed && !preview)
            {
                requests.Accepted(kind, request);
            }
        }

        result.Gen0 = GC.CollectionCount(0) - gen0;
        result.Gen2 = GC.CollectionCount(2) - gen2;
        result.OpenPositions = core.Positions.OpenPositionCount;
        result.KillSwitchTripped = core.KillSwitch.IsTripped;
        result.Ticks = tickCount;
        result.MarketTime = core.Now.ToOffset(TimeSpan.FromMinutes(330)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " IST";
        return result;
    }

    private sealed class Result(int calls)
    {
        public LatencySample All { get; } = new(calls);

        public LatencySample Allowed { get; } = new(calls);

        public LatencySample Refused { get; } = new(calls);

        public long AllBytes { get; private set; }

        public long AllowedBytes { get; private set; }

        public long RefusedBytes { get; private set; }

        public Dictionary<RiskRequestKind, KindStats> ByKind { get; } = [];

        public int Gen0 { get; set; }

        public int Gen2 { get; set; }

        public int OpenPositions { get; set; }

        public bool KillSwitchTripped { get; set; }

        public long Ticks { get; set; }

        public string MarketTime { get; set; } = string.Empty;

        public void Add(RiskRequestKind kind, bool allowed, long elapsed, long allocated)
        {
            All.Add(elapsed);
            AllBytes += allocated;
            if (allowed)
            {
                Allowed.Add(elapsed);
                AllowedBytes += allocated;
            }
            else
            {
                Refused.Add(elapsed);
                RefusedBytes += allocated;
            }

            if (!ByKind.TryGetValue(kind, out var stats))
            {
                ByKind[kind] = stats = new KindStats();
            }

            stats.Sample.Add(elapsed);
            stats.Bytes += allocated;
            stats.Allowed += allowed ? 1 : 0;
        }
    }

    private sealed class KindStats
    {
        public LatencySample Sample { get; } = new(1 << 17);

        public long Bytes { get; set; }

        public int Allowed { get; set; }
    }
}
