namespace KotakBlazor.Core.MarketData.Ingestion;

/// <summary>What ingestion did with a raw tick.</summary>
public enum IngestResult
{
    /// <summary>Stamped and published to the tick bus.</summary>
    Accepted,
    /// <summary>Dropped: the last traded price was zero or negative.</summary>
    DroppedInvalidPrice,
    /// <summary>Dropped: last quantity, volume or open interest was negative.</summary>
    DroppedInvalidQuantity,
    /// <summary>Dropped: same exchange time, LTP and volume as the last accepted tick of the instrument.</summary>
    DroppedDuplicate,
    /// <summary>Dropped: older than the last accepted tick, or the day's cumulative volume went down.</summary>
    DroppedOutOfOrder,
}
