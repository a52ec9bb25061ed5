using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// The simulated market's instruments as the app's catalog. Services are created before start-up has read the
/// database, so the catalog looks at its source only when first asked: by then start-up has settled whether the
/// instruments come from a cached scrip master or are the built-in ones.
/// </summary>
public sealed class SimulatedInstrumentCatalog(SimulatedInstrumentSource source) : IInstrumentCatalog
{
    private readonly Lazy<InstrumentCatalog> _catalog = new(() => new InstrumentCatalog(source.Instruments), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public IReadOnlyList<Instrument> All => _catalog.Value.All;

    /// <inheritdoc />
    public bool TryGet(InstrumentId id, out Instrument instrument) => _catalog.Value.TryGet(id, out instrument);

    /// <inheritdoc />
    public bool TryGetBySymbol(string tradingSymbol, out Instrument instrument) => _catalog.Value.TryGetBySymbol(tradingSymbol, out instrument);

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Search(string query, int limit) => _catalog.Value.Search(query, limit);
}
