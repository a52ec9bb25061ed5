using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>What a directional strategy orders: the instrument itself, or for an index (which cannot be ordered) its nearest future.</summary>
internal static class DirectionalInstrument
{
    /// <summary>
    /// The instrument to trade for <paramref name="configured"/>. The catalogue is the session's, so
    /// its earliest future is the current month's. Strategies resolve it on their first bar, as
    /// that is when they first see the catalogue (<see cref="IStrategyContext.Instruments"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An index without a listed future.</exception>
    public static Instrument Resolve(Instrument configured, IInstrumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(catalog);
        if (configured.Type != InstrumentType.Index)
        {
            return configured;
        }

        var name = UnderlyingNames.Canonical(configured.Underlying);
        var nearest = NearestFuture(catalog, name);
        return nearest ?? throw new ArgumentException(
            $"{configured.TradingSymbol} is an index and cannot be ordered, and no {name} future is listed to trade in its place.",
            nameof(configured));
    }

    /// <summary>The listed future of <paramref name="underlying"/> (a derivative name, e.g. NIFTY) that expires first; null when none is listed.</summary>
    public static Instrument? NearestFuture(IInstrumentCatalog catalog, string underlying)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Instrument? nearest = null;
        foreach (var instrument in catalog.All)
        {
            if (instrument is { Type: InstrumentType.Future, Expiry: { } expiry }
                && UnderlyingNames.Canonical(instrument.Underlying) == underlying
                && (nearest is null || expiry < nearest.Expiry || (expiry == nearest.Expiry && instrument.Id.Token < nearest.Id.Token)))
            {
                nearest = instrument;
            }
        }

        return nearest;
    }
}
