using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>
/// The instruments of the latest scrip master, as an <see cref="IInstrumentCatalog"/>. Empty
/// until the refresher loads a day; each load swaps in a whole new <see cref="InstrumentCatalog"/>
/// at once, so readers never see half a day.
/// </summary>
public sealed class ScripMasterCatalog : IInstrumentCatalog
{
    private Loaded _current = new(null, new InstrumentCatalog([]));

    /// <summary>The trading day the instruments are from; null before the first load.</summary>
    public DateOnly? Day => Volatile.Read(ref _current).Day;

    /// <inheritdoc />
    public IReadOnlyList<Instrument> All => Current.All;

    private InstrumentCatalog Current => Volatile.Read(ref _current).Catalog;

    /// <inheritdoc />
    public bool TryGet(InstrumentId id, out Instrument instrument) => Current.TryGet(id, out instrument);

    /// <inheritdoc />
    public bool TryGetBySymbol(string tradingSymbol, out Instrument instrument) => Current.TryGetBySymbol(tradingSymbol, out instrument);

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Search(string query, int limit) => Current.Search(query, limit);

    /// <summary>
    /// Replaces the instruments with a day's set. The catalog needs unique ids and trading
    /// symbols; when two segments share a symbol, the earlier instrument in
    /// <paramref name="instruments"/> keeps it and the later one is dropped.
    /// </summary>
    /// <returns>The instruments dropped as duplicates.</returns>
    public IReadOnlyList<Instrument> Replace(DateOnly day, IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var ids = new HashSet<InstrumentId>();
        var symbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<Instrument>();
        var dropped = new List<Instrument>();
        foreach (var instrument in instruments)
        {
            if (ids.Contains(instrument.Id) || symbols.Contains(instrument.TradingSymbol.Trim()))
            {
                dropped.Add(instrument);
                continue;
            }

            ids.Add(instrument.Id);
            symbols.Add(instrument.TradingSymbol.Trim());
            kept.Add(instrument);
        }

        Volatile.Write(ref _current, new Loaded(day, new InstrumentCatalog(kept)));
        return dropped;
    }

    private sealed record Loaded(DateOnly? Day, InstrumentCatalog Catalog);
}
