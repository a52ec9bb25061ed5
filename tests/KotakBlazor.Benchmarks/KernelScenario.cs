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
    private const int Stocks = 40;
    private const int TicksPerRun = 2_000_000;
    private const int Runs = 5;
    private static readonly DateTimeOffset Open = new(2026, 11, 23, 3, 45, 0, TimeSpan.Zero); // Monday 09:15 IST

    public static Task RunAsync()
    {
        var (catalog, tickSets) = Build();
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

    private static (InstrumentCatalog, Tick[]) Build()
    {
        var instruments = new List<Instrument>();
        for (var s = 0; s < Stocks; s++)
        {
            instruments.Add(new Instrument(new InstrumentId(ExchangeSegment.NseCm, 10_000 + s), $"STOCK{s:00}-EQ", $"STOCK{s:00}", $"Stock {s}", InstrumentType.Equity, $"STOCK{s:00}", 1, 0.05m, 0));
        }

        var nifty = new Instrument(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0);
        var expiry = new DateOnly(2026, 11, 24);
        instruments.Add(nifty);
        instruments.Add(new Instrument(new InstrumentId(ExchangeSegment.NseFo, 50_000), "NIFTY26NOVFUT", "NIFTY", "NIFTY NOV FUT", InstrumentType.Future, "NIFTY", 65, 0.05m, 1800, expiry));
        var options = new List<Instrument>();
        for (var k = -10; k <= 10; k++)
        {
            var strike = 26000m + (k * 50);
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var token = 60_000 + ((k + 10) * 2) + (type == OptionType.Call ? 0 : 1);
                var symbol = string.Create(CultureInfo.InvariantCulture, $"NIFTY26NOV{strike:0}{(type == OptionType.Call ? "CE" : "PE")}");
                options.Add(new Instrument(new InstrumentId(ExchangeSegment.NseFo, token), symbol, "NIFTY", symbol, InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, expiry, strike, type));
            }
        }

        instruments.AddRange(options);
        var catalog = new InstrumentCatalog(instruments);
        var random = new Random(42);
        var quoted = instruments.Where(i => i.Type != InstrumentType.Option).ToList();
        var prices = quoted.ToDictionary(i => i.Id, i => i.Type == InstrumentType.Equity ? 500m + (random.Next(0, 2000)) : 26000m);
        var volumes = instruments.ToDictionary(i => i.Id, _ => 0L);
        var ticks = new Tick[TicksPerRun];
        var time = Open;
        for (var i = 0; i < ticks.Length; i++)
        {
            // Every 50th tick is an option quote, priced from the index so option strategies find coherent premiums.
            time = time.AddMilliseconds(2);
            if (i % 50 == 49)
            {
                var option = options[random.Next(options.Count)];
                var spot = (double)prices[nifty.Id];
                var years = Math.Max(1e-4, (expiry.ToDateTime(new TimeOnly(10, 0)) - time.UtcDateTime).TotalDays / 365.0);
                var premium = option.RoundToTick(Math.Max(0.05m, (decimal)BlackScholes.Price(option.OptionType!.Value, spot, (double)option.Strike!.Value, years, 0.13, 0.065)));
                volumes[option.Id] += 65;
                ticks[i] = new Tick(option.Id, premium, 65, volumes[option.Id], 100_000, premium - 0.05m, premium + 0.05m, premium, time);
                continue;
            }

            var instrument = quoted[random.Next(quoted.Count)];
            var price = prices[instrument.Id];
            price = instrument.RoundToTick(Math.Max(1m, price * (1m + ((decimal)(random.NextDouble() - 0.5) * 0.002m))));
            prices[instrument.Id] = price;
            volumes[instrument.Id] += 10;
            ticks[i] = new Tick(instrument.Id, price, 10, volumes[instrument.Id], 0, price - 0.05m, price + 0.05m, price, time);
        }

        return (catalog, ticks);
    }

    private sealed class CountingEvents : IKernelEvents
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
