using KotakBlazor.Core.MarketData;
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
            default:
                logger.LogError(
                    "Broker:Mode {Mode} is not available in this build: no market feed runs. Set Broker:Mode to Paper for the simulated market",
                    broker.Value.Mode);
                break;
        }

        await Task.WhenAll(projection.RunAsync(stoppingToken), pipeline.RunAsync(feeds, stoppingToken));
    }
}
