namespace KotakBlazor.Core.Instruments;

/// <summary>The instruments this session knows (the scrip master, or the simulated market's universe).</summary>
public interface IInstrumentCatalog
{
    /// <summary>Every instrument.</summary>
    IReadOnlyList<Instrument> All { get; }

    /// <summary>Looks an instrument up by id.</summary>
    bool TryGet(InstrumentId id, out Instrument instrument);

    /// <summary>Looks an instrument up by its exact trading symbol (case-insensitive).</summary>
    bool TryGetBySymbol(string tradingSymbol, out Instrument instrument);

    /// <summary>
    /// Instruments whose trading symbol, name or description match the query, best first:
    /// exact symbol, then exact underlying name, then prefix, then words. A search for
    /// NIFTY never returns FINNIFTY contracts.
    /// </summary>
    IReadOnlyList<Instrument> Search(string query, int limit);
}
