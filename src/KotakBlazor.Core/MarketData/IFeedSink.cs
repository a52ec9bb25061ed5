namespace KotakBlazor.Core.MarketData;

/// <summary>Where a market-data feed delivers what it receives.</summary>
public interface IFeedSink
{
    /// <summary>Hands a raw tick to ingestion. Waits (never drops) when ingestion is behind.</summary>
    ValueTask WriteAsync(Tick tick, CancellationToken cancellationToken);

    /// <summary>Reports that the feed connected or lost its connection, with a reason for people.</summary>
    void ReportConnection(bool connected, string? reason = null);
}
