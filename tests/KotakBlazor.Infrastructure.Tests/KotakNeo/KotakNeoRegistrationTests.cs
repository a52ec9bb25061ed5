using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

public sealed class KotakNeoRegistrationTests
{
    [Fact]
    public async Task The_adapter_resolves_with_every_host_and_budget_taken_from_the_KotakNeo_section()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kotakblazor-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Folder"] = folder,
            ["KotakNeo:LoginBaseUrl"] = "https://mis.example.test",
            ["KotakNeo:BaseUrlOverride"] = "https://e99.example.test",
            ["KotakNeo:QuotesBaseUrl"] = "https://quotes.example.test",
            ["KotakNeo:FeedUrlOverride"] = "wss://feed.example.test/wsfeed",
            ["KotakNeo:OrderFeedUrlOverride"] = "wss://e99.example.test/realtime",
            ["KotakNeo:RequestTimeout"] = "00:00:07",
            ["KotakNeo:OrdersPerSecond"] = "8",
            ["KotakNeo:RequestsPerSecond"] = "20",
            ["KotakNeo:RefreshOrdersAfterOrderCalls"] = "false",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddKotakPersistence(configuration);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")));
        services.AddKotakNeoBroker(configuration);

        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KotakNeoOptions>>().Value;
        Assert.Equal(
            (new Uri("https://mis.example.test"), new Uri("https://e99.example.test"), new Uri("https://quotes.example.test"), new Uri("wss://feed.example.test/wsfeed"), new Uri("wss://e99.example.test/realtime")),
            (options.LoginBaseUrl, options.BaseUrlOverride, options.QuotesBaseUrl, options.FeedUrlOverride, options.OrderFeedUrlOverride));
        Assert.Equal((TimeSpan.FromSeconds(7), 8, 20, false), (options.RequestTimeout, options.OrdersPerSecond, options.RequestsPerSecond, options.RefreshOrdersAfterOrderCalls));
        var gateway = provider.GetRequiredService<KotakNeoGateway>();
        Assert.Same(provider.GetRequiredService<KotakNeoRestClient>(), gateway.Client);
        Assert.Same(gateway.Client.Sessions, provider.GetRequiredService<KotakSessionKeeper>());
        Assert.Same(provider.GetRequiredService<KotakCredentialStore>(), provider.GetRequiredService<IKotakCredentialVault>());
        Assert.Equal(8, gateway.Client.OrderBudget.PerSecond);
        Assert.Equal(20, gateway.Client.RequestBudget.PerSecond);
    }

    [Fact]
    public void Defaults_name_Kotaks_login_host_and_its_documented_budgets()
    {
        var options = new KotakNeoOptions();

        Assert.Equal(new Uri("https://mis.kotaksecurities.com"), options.LoginBaseUrl);
        Assert.Equal((10, 25, "neotradeapi"), (options.OrdersPerSecond, options.RequestsPerSecond, options.NeoFinKey));
        options.Validate();
        options.OrdersPerSecond = 0;
        Assert.Equal("KotakNeo:OrdersPerSecond must be at least 1.", Assert.Throws<InvalidOperationException>(options.Validate).Message);
    }
}
