namespace KotakBlazor.Core.MarketData.Ingestion;

/// <summary>A snapshot of what ingestion has done since it started.</summary>
/// <param name="Accepted">Ticks stamped and published.</param>
/// <param name="InvalidPrice">Ticks dropped for a non-positive LTP.</param>
/// <param name="InvalidQuantity">Ticks dropped for a negative quantity, volume or open interest.</param>
/// <param name="Duplicate">Ticks dropped as repeats of the last accepted tick.</param>
/// <param name="OutOfOrder">Ticks dropped for arriving late.</param>
public readonly record struct IngestionCounters(long Accepted, long InvalidPrice, long InvalidQuantity, long Duplicate, long OutOfOrder)
{
    /// <summary>Every dropped tick, whatever the reason.</summary>
    public long Dropped => InvalidPrice + InvalidQuantity + Duplicate + OutOfOrder;
}
