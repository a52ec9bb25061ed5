namespace KotakBlazor.Web.Hosting;

/// <summary>Configuration section <c>MarketData</c>.</summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";

    /// <summary>A connected feed with no tick for this long while the market is open is stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Closed 1-minute candles kept per instrument.</summary>
    public int CandleHistory { get; set; } = 500;
}
