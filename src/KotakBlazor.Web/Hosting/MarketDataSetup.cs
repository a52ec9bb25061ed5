using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Options;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Web.Market;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// The tick path: feed(s) -> TickPipeline -> TickIngestion -> TickBus -> projections, pages and the hub.
/// Which feed runs depends on <c>Broker:Mode</c>.
/// </summary>
public static class MarketDataSetup
{
    public static void AddKotakMarketData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BrokerOptions>(builder.Configuration.GetSection(BrokerOptions.SectionName));

        // First: what Broker:Mode replaces (catalog, feeds, gateway) is registered before the defaults below and in TradingSetup.
        var mode = builder.AddKotakBroker();
        services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.SectionName));
        services.Configure<MarketDataOptions>(builder.Configuration.GetSection(MarketDataOptions.SectionName));

        // The simulated universe is for today's IST date: a cached scrip master's contracts, or built-in expiries and strikes.
        services.AddSingleton<SimulatedInstrumentSource>();
        services.TryAddSingleton<IInstrumentCatalog>(provider => new SimulatedInstrumentCatalog(provider.GetRequiredService<SimulatedInstrumentSource>()));
        if (mode == BrokerMode.Paper)
        {
            // The database start-up runs the loader once the database is migrated, before anything reads the
            // instruments: the catalog and the feed read the universe when first used, and it is settled by then.
            services.TryAddSingleton<ScripMasterCache>();
            services.AddSingleton<SimulatedInstrumentsLoader>();
        }

        services.AddSingleton<TickBus>();
        services.AddSingleton<TickIngestion>();
        services.AddSingleton(provider => new TickPipeline(
            provider.GetRequiredService<TickIngestion>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TickPipeline>>(),
            new TickPipelineOptions { StaleAfter = provider.GetRequiredService<IOptions<MarketDataOptions>>().Value.StaleAfter }));
        services.AddSingleton<MarketState>();
        services.AddSingleton(provider => new CandleHistory(Timeframe.OneMinute, provider.GetRequiredService<IOptions<MarketDataOptions>>().Value.CandleHistory));
        services.AddSingleton(provider => new MarketDataProjection(
            provider.GetRequiredService<TickBus>().SubscribeQueue(),
            provider.GetRequiredService<MarketState>(),
            provider.GetRequiredService<CandleHistory>(),
            provider.GetRequiredService<EventStream<Bar>>()));
        services.AddSingleton<SimulatedMarketFeed>();
        services.AddSingleton<LiveMarket>();
        services.Configure<OptionChainOptions>(builder.Configuration.GetSection(OptionChainOptions.SectionName));
        services.AddSingleton<OpenInterestTracker>();
        services.AddSingleton<OptionChains>();
        services.AddHostedService<OpenInterestRecorder>();
        services.AddHostedService<MarketDataService>();
    }
}
