using System.Diagnostics;
using System.Globalization;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using Microsoft.Data.Sqlite;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// The order store alone, one call at a time, in the three shapes the desk writes for every
/// order: the intent insert (order row + Created event), the acknowledgement save (the row
/// updated to Open + a StatusChanged event) and the fill save (row updated to Filled + event +
/// the trade). Each phase runs <see cref="Orders"/> calls; wall time per call, and process CPU
/// and bytes allocated (all threads) per call. For scale, the same number of minimal SQLite
/// write transactions through Microsoft.Data.Sqlite without EF Core: open a pooled connection,
/// BEGIN, INSERT one row, COMMIT, on the same file and connection string.
/// </summary>
internal static class OrderStoreScenario
{
    private const int WarmUpOrders = 3_000;
    private const int Orders = 2_000;

    public static async Task RunAsync()
    {
        await using var database = await DeskDatabase.CreateAsync(fsyncIntents: true);
        var store = database.Store;
        var stock = new SyntheticMarket().Catalog.All.First(i => i.Type == InstrumentType.Equity);
        Console.WriteLine($"# Order store: {Environment.ProcessorCount} logical cores, {database.Pragmas}, load average before: {OrderThroughputScenario.LoadAverage()}");
        Console.WriteLine(DiskProbe.Describe(Path.GetTempPath()));

        var warm = Enumerable.Range(0, WarmUpOrders).Select(i => Intent(stock, i)).ToList();
        await PhaseAsync(warm, o => store.InsertAsync(o, Created(o), CancellationToken.None));
        await PhaseAsync(warm, o => store.SaveAsync(Acknowledged(o), CancellationToken.None));
        await PhaseAsync(warm, o => store.SaveAsync(Filled(o), CancellationToken.None));

        var orders = Enumerable.Range(WarmUpOrders, Orders).Select(i => Intent(stock, i)).ToList();
        var rows = new List<string>
        {
            Row("intent insert (order + event)", await PhaseAsync(orders, o => store.InsertAsync(o, Created(o), CancellationToken.None))),
            Row("acknowledgement save (update + event)", await PhaseAsync(orders, o => store.SaveAsync(Acknowledged(o), CancellationToken.None))),
            Row("fill save (update + event + trade)", await PhaseAsync(orders, o => store.SaveAsync(Filled(o), CancellationToken.None))),
        };

        var connectionString = $"Data Source={Path.Combine(database.Folder, "kotakblazor.db")};Default Timeout=15;Pooling=True";
        await RawAsync(connectionString, "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, tag TEXT, qty INTEGER, price TEXT, at INTEGER);");
        rows.Add(Row("raw SQLite write transaction (no EF Core)", await PhaseAsync(orders, o => RawAsync(connectionString, $"INSERT INTO bench_raw (tag, qty, price, at) VALUES ('{o.Tag}', {o.Quantity}, '512.35', {o.PlacedAt.UtcTicks});"))));

        Console.WriteLine();
        Console.WriteLine("| call | calls | p50 | p90 | p99 | max | CPU per call | bytes per call | gen0 GCs | methods JIT-compiled during the phase |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine($"load average after: {OrderThroughputScenario.LoadAverage()}");
    }

    private static string Row(string name, Phase phase)
    {
        var s = phase.Sample.Summarise();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {s.Count:N0} | {LatencySample.Summary.Ms(s.Micros(0.5))} ms | {LatencySample.Summary.Ms(s.Micros(0.9))} ms | {LatencySample.Summary.Ms(s.Micros(0.99))} ms | {LatencySample.Summary.Ms(s.MaxMicros)} ms | {phase.CpuMilliseconds / s.Count:0.000} ms | {phase.Bytes / s.Count:N0} | {phase.Gen0} | {phase.Jitted:N0} ({phase.JitMilliseconds:N0} ms) |");
    }

    private static async Task<Phase> PhaseAsync(List<Order> orders, Func<Order, Task> call)
    {
        var sample = new LatencySample(orders.Count);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        foreach (var order in orders)
        {
            var start = Stopwatch.GetTimestamp();
            await call(order);
            sample.Add(Stopwatch.GetTimestamp() - start);
        }

        process.Refresh();
        return new Phase(sample, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytesBefore, GC.CollectionCount(0) - gen0,
            System.Runtime.JitInfo.GetCompiledMethodCount() - jitted, (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds);
    }

    private static async Task RawAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        await using var transaction = await connection.BeginTransactionAsync();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>An intent as the desk stores it (see OrderManager.CreateIntents).</summary>
    private static Order Intent(Instrument stock, int n)
    {
        var now = DateTimeOffset.UtcNow;
        return new Order
        {
            Id = Guid.NewGuid(),
            Tag = OrderTags.New(),
            Instrument = stock.Id,
            TradingSymbol = stock.TradingSymbol,
            Side = n % 2 == 0 ? OrderSide.Buy : OrderSide.Sell,
            Quantity = 1 + (n % 100),
            Type = OrderType.Market,
            Product = ProductType.Mis,
            Status = OrderStatus.PendingSubmit,
            Source = OrderSource.Strategy,
            RequestedBy = "strategy:bench",
            StrategyId = DeskOrders.StrategyId,
            PlacedAt = now,
            UpdatedAt = now,
        };
    }

    private static OrderEvent Created(Order o) =>
        new(o.Id, o.PlacedAt, OrderEventKind.Created, null, OrderStatus.PendingSubmit, $"Intent stored: {o.Side} {o.Quantity} {o.TradingSymbol} Market (LTP 512.35)", o.RequestedBy);

    private static OrderChange Acknowledged(Order o)
    {
        var now = DateTimeOffset.UtcNow;
        var next = o with { BrokerOrderId = "B" + o.Tag, Status = OrderStatus.Open, UpdatedAt = now };
        return new OrderChange(next, [new OrderEvent(o.Id, now, OrderEventKind.StatusChanged, OrderStatus.PendingSubmit, OrderStatus.Open, $"Accepted by the broker as B{o.Tag}", "broker")], []);
    }

    private static OrderChange Filled(Order o)
    {
        var now = DateTimeOffset.UtcNow;
        var next = o with { BrokerOrderId = "B" + o.Tag, Status = OrderStatus.Filled, FilledQuantity = o.Quantity, AveragePrice = 512.35m, FilledAt = now, UpdatedAt = now };
        var fill = new Fill("T" + o.Tag, o.Id, "B" + o.Tag, o.Instrument, o.TradingSymbol, o.Side, o.Product, o.Quantity, 512.35m, now, o.StrategyId);
        return new OrderChange(next, [new OrderEvent(o.Id, now, OrderEventKind.StatusChanged, OrderStatus.Open, OrderStatus.Filled, "complete", "broker")], [fill]);
    }

    private sealed record Phase(LatencySample Sample, double CpuMilliseconds, long Bytes, int Gen0, long Jitted, double JitMilliseconds);
}
