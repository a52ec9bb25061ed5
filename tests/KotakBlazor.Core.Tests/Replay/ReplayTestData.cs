using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Signals;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Replay;

/// <summary>Recorded-looking market data for the replay tests, the same on every run.</summary>
internal static class ReplayTestData
{
    // 2026-11-23 is a Monday; 09:15 IST = 03:45 UTC.
    public static readonly DateTimeOffset Open = new(2026, 11, 23, 9, 15, 0, TimeSpan.FromMinutes(330));

    /// <summary>
    /// A seeded random walk of RELIANCE and INFY, interleaved, a tick every 1 to 6 seconds, with a
    /// repeated tick and a late tick thrown in (ingestion drops both, live and in replay).
    /// </summary>
    public static List<Tick> Day(int minutes, int seed = 7)
    {
        var random = new Random(seed);
        var ticks = new List<Tick>();
        var prices = new Dictionary<InstrumentId, decimal> { [Reliance.Id] = 1510.40m, [Infy.Id] = 1548.60m };
        var volumes = new Dictionary<InstrumentId, long> { [Reliance.Id] = 0, [Infy.Id] = 0 };
        var time = Open;
        while (time < Open.AddMinutes(minutes))
        {
            var id = random.Next(2) == 0 ? Reliance.Id : Infy.Id;
            prices[id] += random.Next(-6, 7) * 0.05m;
            var quantity = random.Next(1, 50);
            volumes[id] += quantity;
            ticks.Add(new Tick(id, prices[id], quantity, volumes[id], 0, prices[id] - 0.05m, prices[id] + 0.05m, 1500m, time));
            if (ticks.Count == 40)
            {
                ticks.Add(ticks[^1]);
            }

            if (ticks.Count == 80)
            {
                ticks.Add(ticks[^1] with { ExchangeTime = ticks[^1].ExchangeTime.AddSeconds(-30) });
            }

            time = time.AddMilliseconds(random.Next(1000, 6000));
        }

        return ticks;
    }

    /// <summary>One-minute bars from <see cref="Open"/>: up in even minutes, down in odd ones.</summary>
    public static List<Bar> MinuteBars(Instrument instrument, int minutes)
    {
        var bars = new List<Bar>();
        var price = 1000m;
        for (var m = 0; m < minutes; m++)
        {
            var close = m % 2 == 0 ? price + 2m : price - 1m;
            bars.Add(new Bar(instrument.Id, Timeframe.OneMinute, Open.AddMinutes(m), price, Math.Max(price, close) + 0.5m, Math.Min(price, close) - 0.5m, close, 100 + m, 0));
            price = close;
        }

        return bars;
    }

    public static string ToCsv(IEnumerable<Tick> ticks)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new TickCsvWriter(text, Catalog);
        writer.WriteHeader();
        foreach (var tick in ticks)
        {
            Assert.True(writer.TryWrite(in tick));
        }

        return text.ToString();
    }

    public static string Describe(Signal s) =>
        $"{s.StrategyId}|{s.Time:O}|{s.Kind}|{string.Join(",", s.Legs)}|{s.StopLoss}|{s.Target}|{s.Confidence}|{s.Reason}|"
        + string.Join(",", s.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
