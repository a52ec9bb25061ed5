using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Market;

/// <summary>
/// Option chains for the screens: which underlyings have options and on which expiries, and
/// the chain itself, built from the latest ticks at most once a second per underlying and
/// expiry however many pages show it.
/// </summary>
public sealed class OptionChains
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly IInstrumentCatalog _catalog;
    private readonly MarketState _state;
    private readonly OpenInterestTracker _openInterest;
    private readonly TimeProvider _time;
    private readonly OptionChainOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Underlying, DateOnly Expiry), (DateTimeOffset BuiltAt, OptionChainSnapshot Chain)> _cache = [];
    // The catalog's instrument list the underlyings were found in: a live scrip master is replaced each day (and may load late).
    private KnownUnderlyings _underlyings = new([], []);

    public OptionChains(IInstrumentCatalog catalog, MarketState state, OpenInterestTracker openInterest, TimeProvider time, IOptions<OptionChainOptions> options)
    {
        _catalog = catalog;
        _state = state;
        _openInterest = openInterest;
        _time = time;
        _options = options.Value;
    }

    /// <summary>Underlyings with listed options, the most contracts first (NIFTY before stocks).</summary>
    public IReadOnlyList<OptionUnderlying> Underlyings
    {
        get
        {
            var source = _catalog.All;
            var known = _underlyings;
            if (!ReferenceEquals(known.Source, source))
            {
                known = new KnownUnderlyings(source, FindUnderlyings(source));
                _underlyings = known;
            }

            return known.Underlyings;
        }
    }

    /// <summary>The chain of one underlying and expiry; null until the underlying has a price.</summary>
    public OptionChainSnapshot? Build(OptionUnderlying underlying, DateOnly expiry)
    {
        ArgumentNullException.ThrowIfNull(underlying);
        var now = _time.GetUtcNow();
        var key = (underlying.Name, expiry);
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached) && now - cached.BuiltAt < MaxAge)
            {
                return cached.Chain;
            }
        }

        if (!TrySpot(underlying, out var spot))
        {
            return null;
        }

        var chain = OptionChainBuilder.Build(
            underlying.Options,
            underlying.Name,
            expiry,
            spot,
            now,
            _options.RiskFreeRate,
            _state,
            _openInterest,
            _options.DividendYield);
        lock (_gate)
        {
            _cache[key] = (now, chain);
        }

        return chain;
    }

    // The index (or stock) itself; a chain on an underlying that has not ticked has no ATM to show.
    private bool TrySpot(OptionUnderlying underlying, out decimal spot)
    {
        spot = 0m;
        if (underlying.Spot is { } id && _state.TryGetLatest(id, out var tick) && tick.LastPrice > 0)
        {
            spot = tick.LastPrice;
        }

        return spot > 0;
    }

    private static List<OptionUnderlying> FindUnderlyings(IReadOnlyList<Instrument> all)
    {
        // A scrip master lists NIFTY's options under "NIFTY" and the index as "NIFTY 50": one underlying. An index
        // wins over a stock of the same name.
        var spots = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (var instrument in all.Where(i => i.Type is InstrumentType.Index or InstrumentType.Equity).OrderBy(i => i.Type))
        {
            spots.TryAdd(UnderlyingNames.Canonical(instrument.Type == InstrumentType.Index ? instrument.Name : instrument.Underlying), instrument);
        }

        var result = new List<OptionUnderlying>();
        foreach (var group in all.Where(i => i.Type == InstrumentType.Option).GroupBy(i => i.Underlying, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            var spot = spots.GetValueOrDefault(UnderlyingNames.Canonical(group.Key));
            var expiries = group.Select(i => i.Expiry).OfType<DateOnly>().Distinct().Order().ToArray();
            result.Add(new OptionUnderlying(group.Key, spot?.Id, spot?.TradingSymbol, expiries, [.. group]));
        }

        return result;
    }

    // One reference, so a reader never pairs one day's instrument list with another day's underlyings.
    private sealed record KnownUnderlyings(IReadOnlyList<Instrument> Source, IReadOnlyList<OptionUnderlying> Underlyings);
}
