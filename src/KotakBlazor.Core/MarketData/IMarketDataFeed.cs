namespace KotakBlazor.Core.MarketData;

/// <summary>A source of ticks: the simulated market, Kotak's SFeed, or a CSV replay.</summary>
public interface IMarketDataFeed
{
    /// <summary>A short name shown in feed status and health (e.g. "simulated", "kotak-sfeed").</summary>
    string Name { get; }

    /// <summary>Runs until cancelled, delivering ticks and connection changes to the sink.</summary>
    Task RunAsync(IFeedSink sink, CancellationToken cancellationToken);
}
