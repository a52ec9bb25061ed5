using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Risk;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Journal;
using KotakBlazor.Infrastructure.MarketData;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Reconciliation;
using KotakBlazor.Infrastructure.Risk;
using KotakBlazor.Infrastructure.Signals;
using KotakBlazor.Infrastructure.Strategies;
using KotakBlazor.Infrastructure.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure;

/// <summary>Registers the database and the stores built on it: accounts, audit log, watchlists, strategies, signals, bars, orders, risk, manual trades and journal notes.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddKotakPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.SectionName));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddDbContextFactory<KotakDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UserAccountService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<WatchlistStore>();
        services.AddSingleton<AdminBootstrapper>();
        services.AddSingleton<StrategyStore>();
        services.AddSingleton<SignalStore>();
        services.AddSingleton<BarStore>();
        services.Configure<OrderStoreOptions>(configuration.GetSection(OrderStoreOptions.SectionName));
        services.AddSingleton<IOrderStore, OrderStore>();
        services.AddSingleton<IRiskStore, RiskStore>();
        services.AddSingleton<IManualTradeStore, ManualTradeStore>();
        services.AddSingleton<IJournalNoteStore, JournalNoteStore>();
        return services;
    }
}
