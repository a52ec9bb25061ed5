using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.MarketData;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Signals;
using KotakBlazor.Infrastructure.Strategies;
using KotakBlazor.Infrastructure.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure;

/// <summary>Registers the database, accounts, audit log and watchlists.</summary>
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
        return services;
    }
}
