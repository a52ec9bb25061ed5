using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Tests.Kernel;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

/// <summary>A small market for the directional strategies: a stock, the NIFTY index and its future, one tick a minute.</summary>
internal static class StrategyTestMarket
{
    public static readonly DateOnly Day = new(2026, 11, 23); // a Monday

    public static readonly Instrument Reliance = new(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    public static readonly Instrument NiftyIndex = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.05m, 0);
    public static readonly Instrument NiftyFuture = new(new InstrumentId(ExchangeSegment.NseFo, 52175), "NIFTY26NOVFUT", "NIFTY", "NIFTY Nov Fut", InstrumentType.Future, "NIFTY", 65, 0.10m, 1800, new DateOnly(2026, 11, 24));
    public static readonly Instrument NiftyFutureNext = new(new InstrumentId(ExchangeSegment.NseFo, 52176), "NIFTY26DECFUT", "NIFTY", "NIFTY Dec Fut", InstrumentType.Future, "NIFTY", 65, 0.10m, 1800, new DateOnly(2026, 12, 29));
    public static readonly Instrument BankIndex = new(new InstrumentId(ExchangeSegment.NseCm, 26009), "Nifty Bank", "BANKNIFTY", "NIFTY BANK index", InstrumentType.Index, "BANKNIFTY", 1, 0.05m, 0);

    public static readonly InstrumentCatalog Catalog = new([Reliance, NiftyIndex, NiftyFutureNext, NiftyFuture, BankIndex]);

    public static DateTimeOffset Ist(int hour, int minute, int second = 0) => IndianMarketTime.AtIst(Day, new TimeOnly(hour, minute, second));

    /// <summary>One tick a minute from 09:15 IST at each price, with the given volume traded in each minute; bar i closes when tick i + 1 arrives.</summary>
    public static List<Tick> Minutes(Instrument instrument, IReadOnlyList<decimal> prices, IReadOnlyList<long>? volumes = null, DateTimeOffset? start = null)
    {
        var ticks = new List<Tick>(prices.Count);
        long cumulative = 0;
        for (var i = 0; i < prices.Count; i++)
        {
            var traded = volumes?[i] ?? 100;
            cumulative += traded;
            var price = prices[i];
            ticks.Add(new Tick(instrument.Id, price, traded, cumulative, 0, price - instrument.TickSize, price + instrument.TickSize, prices[0], (start ?? Ist(9, 15)).AddMinutes(i)));
        }

        return ticks;
    }

    public static StrategyConfig Config(StrategyDefinition definition, Instrument instrument, IReadOnlyDictionary<string, string>? parameters = null, int lots = 2) =>
        new(Guid.NewGuid(), definition.Key, definition.Name, [instrument.Id], Timeframe.OneMinute, lots, ProductType.Mis, parameters ?? new Dictionary<string, string>(), true);

    public static StrategySettings Settings(StrategyDefinition definition, Instrument instrument, IReadOnlyDictionary<string, string>? parameters = null, IInstrumentCatalog? catalog = null, int lots = 2)
    {
        Assert.True(StrategySettings.TryCreate(definition, Config(definition, instrument, parameters, lots), catalog ?? Catalog, out var settings, out var errors), string.Join("; ", errors));
        return settings!;
    }

    /// <summary>Runs the ticks, in order, through a real kernel with the one strategy; returns its signals and the kernel.</summary>
    public static (List<Signal> Signals, KernelCore Kernel) Run(StrategySettings settings, IEnumerable<Tick> ticks, IInstrumentCatalog? catalog = null)
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(catalog ?? Catalog, events);
        kernel.Add(settings);
        foreach (var tick in ticks)
        {
            kernel.OnTick(in tick);
        }

        return (events.Signals, kernel);
    }

    /// <summary>The bars the kernel makes from <see cref="Minutes"/>: one per tick, open = high = low = close.</summary>
    public static List<Bar> BarsOf(Instrument instrument, IReadOnlyList<decimal> prices) =>
        [.. prices.Select((p, i) => new Bar(instrument.Id, Timeframe.OneMinute, Ist(9, 15).AddMinutes(i), p, p, p, p, 100, 1))];

    /// <summary>A whole signal as text, to compare two runs.</summary>
    public static string Describe(Signal s) =>
        $"{s.Time:O} {s.Kind} {string.Join(",", s.Legs)} {s.StopLoss} {s.Target} {s.Confidence} {s.Reason} {string.Join(",", s.Metadata.OrderBy(m => m.Key))}";
}
