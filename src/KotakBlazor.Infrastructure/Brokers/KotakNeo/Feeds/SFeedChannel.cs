namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>What an SFeed subscription asks for.</summary>
public enum SFeedChannel
{
    /// <summary>Index values (<c>subscribeIndices</c>, packets of code 7207).</summary>
    Indices,
    /// <summary>Touch line: LTP, volume, OI, best bid and ask (<c>subscribeScrips</c>, level 4).</summary>
    Scrips,
    /// <summary>Market depth (<c>subscribeDepth</c>, level 8).</summary>
    Depth,
}
