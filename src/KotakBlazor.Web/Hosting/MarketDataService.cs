using KotakBlazor.Core.MarketData;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>Runs the feeds of the configured broker mode through the pipeline, and the market projection.</summary>
internal sealed class MarketDataService(
    IOptions<BrokerOptions> broker,
    TickPipeline pipeline,
    MarketDataProjection projection,
    IServiceProvider services,
    ILogger<MarketDataService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = new List<IMarketDataFeed>();
        switch (broker.Value.Mode)
        {
            case BrokerMode.Paper:
                feeds.Add(services.GetRequiredService<SimulatedMarketFeed>());
                break;
            case BrokerMode.KotakNeo or BrokerMode.KotakPaper:
                feeds.Add(services.GetRequiredService<KotakSFeed>());
                break;
            default:
                logger.LogError("Broker:Mode {Mode} has no market feed", broker.Value.Mode);
                break;
        }

        await Task.WhenAll(projection.RunAsync(stoppingToken), pipeline.RunAsync(feeds, stoppingToken));
    }
}
