using KotakBlazor.Core.MarketData.Ingestion;

namespace KotakBlazor.Core.MarketData;

/// <summary>Settings of the <see cref="TickPipeline"/>.</summary>
public sealed class TickPipelineOptions
{
    /// <summary>Raw ticks buffered between the feeds and ingestion; feeds wait when it is full.</summary>
    public int ChannelCapacity { get; init; } = 65_536;

    /// <summary>The wait before the first restart of a failed feed.</summary>
    public TimeSpan InitialRestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts; the wait doubles up to this.</summary>
    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connected feed may be silent, while the market is open, before it is stale.</summary>
    public TimeSpan StaleAfter { get; init; } = FeedHealth.DefaultStaleAfter;
}
