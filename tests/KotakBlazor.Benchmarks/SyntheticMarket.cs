using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// A deterministic market for the kernel benchmarks: 40 stocks, the NIFTY 50 index, its future
/// and 42 NIFTY options priced from the index by Black-Scholes. Ticks are generated lazily,
/// session by session (09:15 to 15:30 IST, weekdays), so a multi-day replay holds none in memory.
/// </summary>
internal sealed class SyntheticMarket
{
    /// <summary>Monday 2026-11-23, 09:15 IST.</summary>
    public static readonly DateTimeOffset FirstOpen = new(2026, 11, 23, 3, 45, 0, TimeSpan.Zero);

    private const int Stocks = 40;
    private readonly List<Instrument> _options = [];
    private readonly List<Instrument> _quoted = [];
    private readonly Instrument _nifty;
    private readonly DateOnly _expiry = new(2026, 12, 29);

    public SyntheticMarket()
    {
        var instruments = new List<Instrument>();
        for (var s = 0; s < Stocks; s++)
        {
            instruments.Add(new Instrument(new InstrumentId(ExchangeSegment.NseCm, 10_000 + s), $"STOCK{s:00}-EQ", $"STOCK{s:00}", $"Stock {s}", InstrumentType.Equity, $"STOCK{s:00}", 1, 0.05m, 0));
        }

        _nifty = new Instrument(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0);
        instruments.Add(_nifty);
        instruments.Add(new Instrument(new InstrumentId(ExchangeSegment.NseFo, 50_000), "NIFTY26DECFUT", "NIFTY", "NIFTY DEC FUT", InstrumentType.Future, "NIFTY", 65, 0.05m, 1800, _expiry));
        for (var k = -10; k <= 10; k++)
        {
            var strike = 26000m + (k * 50);
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var token = 60_000 + ((k + 10) * 2) + (type == OptionType.Call ? 0 : 1);
                var symbol = string.Create(CultureInfo.InvariantCulture, $"NIFTY26DEC{strike:0}{(type == OptionType.Call ? "CE" : "PE")}");
                _options.Add(new Instrument(new InstrumentId(ExchangeSegment.NseFo, token), symbol, "NIFTY", symbol, InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, _expiry, strike, type));
            }
        }

        instruments.AddRange(_options);
        _quoted.AddRange(instruments.Where(i => i.Type != InstrumentType.Option));
        Catalog = new InstrumentCatalog(instruments);
    }

    public InstrumentCatalog Catalog { get; }

    /// <summary>
    /// <paramref name="ticksPerSession"/> ticks in each of <paramref name="sessions"/> weekday
    /// sessions from <paramref name="firstOpen"/>, spread evenly over 09:15 to 15:30 IST.
    /// </summary>
    public IEnumerable<Tick> Ticks(DateTimeOffset firstOpen, int ticksPerSession, int sessions)
    {
        var random = new Random(42);
        var prices = _quoted.ToDictionary(i => i.Id, i => i.Type == InstrumentType.Equity ? 500m + random.Next(0, 2000) : 26000m);
        var volumes = Catalog.All.ToDictionary(i => i.Id, _ => 0L);
        var step = TimeSpan.FromTicks(TimeSpan.FromMinutes(375).Ticks / ticksPerSession);
        var open = firstOpen;
        for (var session = 0; session < sessions; session++)
        {
            while (open.ToOffset(TimeSpan.FromMinutes(330)).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                open = open.AddDays(1);
            }

            foreach (var id in volumes.Keys)
            {
                volumes[id] = 0;
            }

            var time = open;
            for (var i = 0; i < ticksPerSession; i++)
            {
                time += step;
                yield return i % 50 == 49 ? OptionTick(random, prices, volumes, time) : QuotedTick(random, prices, volumes, time);
            }

            open = open.AddDays(1);
        }
    }

    private Tick QuotedTick(Random random, Dictionary<InstrumentId, decimal> prices, Dictionary<InstrumentId, long> volumes, DateTimeOffset time)
    {
        var instrument = _quoted[random.Next(_quoted.Count)];
        var price = instrument.RoundToTick(Math.Max(1m, prices[instrument.Id] * (1m + ((decimal)(random.NextDouble() - 0.5) * 0.002m))));
        prices[instrument.Id] = price;
        volumes[instrument.Id] += 10;
        return new Tick(instrument.Id, price, 10, volumes[instrument.Id], 0, price - 0.05m, price + 0.05m, price, time);
    }

    private Tick OptionTick(Random random, Dictionary<InstrumentId, decimal> prices, Dictionary<InstrumentId, long> volumes, DateTimeOffset time)
    {
        var option = _options[random.Next(_options.Count)];
        var years = Math.Max(1e-4, (_expiry.ToDateTime(new TimeOnly(10, 0)) - time.UtcDateTime).TotalDays / 365.0);
        var value = BlackScholes.Price(option.OptionType!.Value, (double)prices[_nifty.Id], (double)option.Strike!.Value, years, 0.13, 0.065);
        var premium = option.RoundToTick(Math.Max(0.05m, (decimal)value));
        volumes[option.Id] += 65;
        return new Tick(option.Id, premium, 65, volumes[option.Id], 100_000, premium - 0.05m, premium + 0.05m, premium, time);
    }
}
