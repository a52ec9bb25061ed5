using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Web.Strategies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KotakBlazor.Web.Hosting;

/// <summary>The trading kernel, the strategies in it, and the writers that store what it produces.</summary>
public static class KernelSetup
{
    public static void AddKotakKernel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<KernelEventStreams>();
        services.AddSingleton<IKernelEvents>(provider => provider.GetRequiredService<KernelEventStreams>());
        services.AddSingleton<KernelCore>();
        services.AddSingleton<TradingKernel>();
        // TryAdd: a host (a test, a deployment with extra strategies) may register its own catalogue first.
        services.TryAddSingleton(new StrategyCatalog(BuiltInStrategies.All));
        services.AddSingleton<StrategyManager>();
        services.AddScoped<StrategyDesk>();
        services.AddSingleton<EventStream<Bar>>();
        services.AddHostedService<BarWriter>();
        services.AddHostedService<SignalWriter>();
        services.AddHostedService<KernelService>();
    }
}
