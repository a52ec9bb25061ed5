using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Registers the Kotak Neo adapter's pieces. It does not make Kotak the <c>IBrokerGateway</c>: the host picks the broker mode.</summary>
public static class KotakNeoServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="KotakNeoOptions"/> to the <c>KotakNeo</c> section and registers the credential store,
    /// the REST client and the gateway as singletons. Needs the persistence services and Data Protection.
    /// </summary>
    public static IServiceCollection AddKotakNeoBroker(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KotakNeoOptions>(configuration.GetSection(KotakNeoOptions.SectionName));
        services.AddSingleton<KotakCredentialStore>();
        services.AddSingleton<IKotakCredentialVault>(provider => provider.GetRequiredService<KotakCredentialStore>());
        services.AddSingleton(provider => KotakNeoRestClient.Create(
            provider.GetRequiredService<IKotakCredentialVault>(),
            provider.GetRequiredService<IOptions<KotakNeoOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(provider => provider.GetRequiredService<KotakNeoRestClient>().Sessions);
        services.AddSingleton(provider => new KotakNeoGateway(
            provider.GetRequiredService<KotakNeoRestClient>(),
            provider.GetRequiredService<IOptions<KotakNeoOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<KotakNeoGateway>>()));
        return services;
    }
}
