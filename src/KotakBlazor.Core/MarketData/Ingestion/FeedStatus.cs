namespace KotakBlazor.Core.MarketData.Ingestion;

/// <summary>How a feed looks to a trader right now.</summary>
public enum FeedStatus
{
    /// <summary>Started (or restarted) and not yet connected.</summary>
    Connecting,
    /// <summary>Connected and ticking within the stale threshold.</summary>
    Live,
    /// <summary>Connected, market open, but no tick within the stale threshold: prices on screen may be old.</summary>
    Stale,
    /// <summary>Lost its connection or failed; see <see cref="FeedHealth.LastError"/>.</summary>
    Disconnected,
    /// <summary>Connected and quiet because the market is closed: silence is expected.</summary>
    MarketClosed,
}
