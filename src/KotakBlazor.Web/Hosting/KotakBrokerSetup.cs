using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Trading;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// What <c>Broker:Mode</c> changes. Registered before the market-data and trading setups, whose defaults (the
/// simulated catalog, the paper broker, round-the-clock hours, the plain risk decider) are added only where
/// nothing was registered here:
/// <list type="bullet">
/// <item><c>Paper</c>: nothing replaced; the Kotak credential store, login and health panel are still there, so
/// an admin can enter and try credentials before switching.</item>
/// <item><c>KotakPaper</c>: Kotak's SFeed market feed and scrip master (the instrument catalog), NSE hours; orders
/// go to the paper broker matching on those live prices.</item>
/// <item><c>KotakNeo</c>: as KotakPaper, plus the Kotak gateway for orders, the HSI order feed feeding it (the
/// order book read again after every reconnect), and orders refused while not logged in.</item>
/// </list>
/// One Kotak session (<see cref="KotakSessionKeeper"/>) serves the order calls, both feeds and the scrip master.
/// </summary>
public static class KotakBrokerSetup
{
    public static BrokerMode AddKotakBroker(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var mode = ReadMode(configuration);

        services.AddKotakNeoBroker(configuration);

        // Intents are fsynced only when the broker is outside the process (ADR 0016); OrderStore:FsyncIntents overrides.
        var fsyncIntents = configuration.GetValue<bool?>(OrderStoreOptions.SectionName + ":" + nameof(OrderStoreOptions.FsyncIntents)) ?? mode == BrokerMode.KotakNeo;
        services.Configure<OrderStoreOptions>(options => options.FsyncIntents = fsyncIntents);
        services.Configure<KotakSFeedOptions>(configuration.GetSection(KotakSFeedOptions.SectionName));
        services.Configure<KotakOrderFeedOptions>(configuration.GetSection(KotakOrderFeedOptions.SectionName));
        services.Configure<KotakScripMasterOptions>(configuration.GetSection(KotakScripMasterOptions.SectionName));
        services.AddSingleton<KotakBrokerLogin>();
        services.AddSingleton<BrokerSettingsService>();
        services.AddSingleton<BrokerHealthService>();
        services.PostConfigure<HealthCheckServiceOptions>(ReplaceBrokerHealthCheck);
        if (mode == BrokerMode.Paper)
        {
            return mode;
        }

        services.AddSingleton<IKotakFeedSession>(provider => provider.GetRequiredService<KotakBrokerLogin>());
        services.AddSingleton<IKotakScripMasterAccess>(provider => provider.GetRequiredService<KotakBrokerLogin>());
        // A live exchange keeps its hours and its holidays (the calendar), whatever the simulator's setting.
        var alwaysOpen = builder.Configuration.GetValue(BrokerOptions.SectionName + ":" + nameof(BrokerOptions.MarketHours), BrokerMarketHours.Nse) == BrokerMarketHours.AlwaysOpen;
        services.AddSingleton<IMarketHours>(provider => alwaysOpen
            ? new AlwaysOpenMarketHours()
            : new NseMarketHours(provider.GetRequiredService<ITradingCalendar>(), provider.GetService<MarketSessionTimes>()));
        services.AddSingleton<KotakSFeed>();
        services.AddSingleton<ScripMasterCatalog>();
        services.AddSingleton<IInstrumentCatalog>(provider => provider.GetRequiredService<ScripMasterCatalog>());
        services.AddSingleton<ScripMasterCache>();
        services.AddSingleton(provider => new KotakScripMasterClient(
            // Each call has its own timeout from the options, measured on the TimeProvider.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            provider.GetRequiredService<IKotakScripMasterAccess>(),
            provider.GetRequiredService<IOptions<KotakScripMasterOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<KotakScripMasterClient>>()));
        services.AddSingleton<ScripMasterRefresher>();
        services.AddSingleton<KotakScripMasterService>();
        services.AddHostedService(provider => provider.GetRequiredService<KotakScripMasterService>());
        services.AddSingleton<OptionChainWindow>();
        services.AddSingleton<KotakMarketSubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<KotakMarketSubscriptions>());
        services.AddHostedService<KotakSessionWatcher>();
        services.AddHostedService<KotakFeedAlarms>();
        if (mode == BrokerMode.KotakPaper)
        {
            return mode;
        }

        services.AddSingleton<IBrokerGateway>(provider => provider.GetRequiredService<KotakNeoGateway>());
        services.AddSingleton<IBrokerSession, KotakNeoBrokerSession>();
        services.AddSingleton<KernelOrderDecider>();
        services.AddSingleton<IOrderDecider>(provider => new BrokerLoginGuard(
            provider.GetRequiredService<KernelOrderDecider>(), provider.GetRequiredService<KotakSessionKeeper>()));
        services.AddSingleton<KotakOrderFeed>();
        services.AddSingleton<KotakOrderFeedService>();
        services.AddHostedService(provider => provider.GetRequiredService<KotakOrderFeedService>());
        return mode;
    }

    private static BrokerMode ReadMode(IConfiguration configuration)
    {
        BrokerMode mode;
        try
        {
            mode = configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()?.Mode ?? BrokerMode.Paper;
        }
        catch (InvalidOperationException e)
        {
            throw new StartupConfigurationException($"Broker:Mode must be Paper, KotakNeo or KotakPaper (got '{configuration["Broker:Mode"]}').", e);
        }

        return Enum.IsDefined(mode)
            ? mode
            : throw new StartupConfigurationException($"Broker:Mode must be Paper, KotakNeo or KotakPaper (got '{configuration["Broker:Mode"]}').");
    }

    // The health setup registers a Paper-only "broker" check; this one answers for every mode.
    private static void ReplaceBrokerHealthCheck(HealthCheckServiceOptions options)
    {
        foreach (var old in options.Registrations.Where(r => r.Name == "broker").ToList())
        {
            options.Registrations.Remove(old);
        }

        options.Registrations.Add(new HealthCheckRegistration("broker", provider => ActivatorUtilities.CreateInstance<BrokerModeHealthCheck>(provider), null, null));
    }
}
