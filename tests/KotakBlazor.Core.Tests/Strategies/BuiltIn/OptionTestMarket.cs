using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

/// <summary>
/// A small NIFTY universe for the option strategies: the index, its November future, and CE/PE
/// from 25,500 to 26,500 every 50 points on two weekly expiries, lot size 65, priced with
/// Black-Scholes at a chosen IV so their deltas mean something.
/// </summary>
internal sealed class OptionTestMarket
{
    public const int LotSize = 65;
    public const double Rate = 0.065;

    public static readonly DateOnly Day = new(2026, 11, 23); // a Monday
    public static readonly DateOnly Weekly = new(2026, 11, 24);
    public static readonly DateOnly NextWeekly = new(2026, 12, 1);

    public static readonly Instrument NiftyIndex = StrategyTestMarket.NiftyIndex;
    public static readonly Instrument Future = StrategyTestMarket.NiftyFuture;
    public static readonly IReadOnlyList<Instrument> Options = BuildOptions();
    public static readonly InstrumentCatalog Catalog = new([NiftyIndex, Future, .. Options]);

    private readonly Dictionary<InstrumentId, long> _volumes = [];

    public static DateTimeOffset Ist(int hour, int minute, int second = 0) => IndianMarketTime.AtIst(Day, new TimeOnly(hour, minute, second));

    public static Instrument Option(DateOnly expiry, decimal strike, OptionType type) =>
        Options.Single(o => o.Expiry == expiry && o.Strike == strike && o.OptionType == type);

    /// <summary>The Black-Scholes price, to the tick, the market shows for an option at a moment.</summary>
    public static decimal Price(Instrument option, decimal spot, double iv, DateTimeOffset time) =>
        Math.Max(option.TickSize, BlackScholes.PriceToTick(option.OptionType!.Value, spot, option.Strike!.Value, OptionChainBuilder.YearsToExpiry(option.Expiry!.Value, time), iv, Rate, option.TickSize));

    /// <summary>One moment of the market: every option, then the future (spot + 20, with volume), then the index last, so an index bar closes on fresh option prices.</summary>
    public List<Tick> At(DateTimeOffset time, decimal spot, double iv = 0.13, long futureVolume = 1300)
    {
        var ticks = new List<Tick>(Options.Count + 2);
        foreach (var option in Options)
        {
            ticks.Add(TickOf(option, Price(option, spot, iv, time), LotSize, time));
        }

        ticks.Add(TickOf(Future, spot + 20m, futureVolume, time));
        ticks.Add(TickOf(NiftyIndex, spot, 0, time));
        return ticks;
    }

    /// <summary>One moment a minute from <paramref name="from"/> for each spot given.</summary>
    public List<Tick> Minutes(DateTimeOffset from, IEnumerable<decimal> spots, double iv = 0.13) =>
        [.. spots.SelectMany((spot, i) => At(from.AddMinutes(i), spot, iv))];

    private Tick TickOf(Instrument instrument, decimal price, long traded, DateTimeOffset time)
    {
        var volume = _volumes.GetValueOrDefault(instrument.Id) + traded;
        _volumes[instrument.Id] = volume;
        return new Tick(instrument.Id, price, traded, volume, 0, price - instrument.TickSize, price + instrument.TickSize, price, time);
    }

    private static List<Instrument> BuildOptions()
    {
        var options = new List<Instrument>();
        var token = 40000;
        foreach (var expiry in new[] { Weekly, NextWeekly })
        {
            for (var strike = 25500m; strike <= 26500m; strike += 50m)
            {
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    var code = type == OptionType.Call ? "CE" : "PE";
                    var symbol = string.Create(CultureInfo.InvariantCulture, $"NIFTY{expiry:yyMMdd}{strike:0}{code}");
                    options.Add(new Instrument(new InstrumentId(ExchangeSegment.NseFo, token++), symbol, "NIFTY", symbol, InstrumentType.Option, "NIFTY", LotSize, 0.05m, 1800, expiry, strike, type));
                }
            }
        }

        return options;
    }
}
