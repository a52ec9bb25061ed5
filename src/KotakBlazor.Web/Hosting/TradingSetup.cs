using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Web.Trading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// The order path: risk in the kernel -> order desk (write-ahead, kill-switch gate, pacing) ->
/// broker gateway; fills back into the kernel's positions; reconciliation, the kill switch,
/// live sessions and the journal.
/// </summary>
public static class TradingSetup
{
    public static void AddKotakTrading(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(_ => configuration.GetSection("Execution").Get<ExecutionOptions>() ?? new ExecutionOptions());
        services.AddSingleton(_ => configuration.GetSection(PaperBrokerOptions.SectionName).Get<PaperBrokerOptions>() ?? new PaperBrokerOptions());
        services.Configure<ReconciliationOptions>(configuration.GetSection("Reconciliation"));

        // The simulator runs round the clock unless told to keep market hours; the paper market is open whenever its ticks flow.
        // The Kotak modes have registered the exchange's hours already. Keeping hours means the exchange's: its session times on the calendar's trading days (holidays closed, AMO open).
        services.TryAddSingleton<IMarketHours>(provider =>
            provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.MarketHoursOnly
                ? new NseMarketHours(provider.GetRequiredService<ITradingCalendar>(), provider.GetService<MarketSessionTimes>())
                : new AlwaysOpenMarketHours());

        // Defaults for hosts without the calendar setup (configured holidays) or the operations setup (the notification outbox).
        services.TryAddSingleton<ITradingCalendar, WeekdayTradingCalendar>();
        services.TryAddSingleton<INotifier>(NullNotifier.Instance);

        // TryAdd: Broker:Mode KotakNeo has registered Kotak's gateway, session and login check first (KotakBrokerSetup).
        services.AddSingleton<PaperBroker>();
        services.TryAddSingleton<IBrokerGateway>(provider => provider.GetRequiredService<PaperBroker>());
        services.TryAddSingleton<IBrokerSession, PaperBrokerSession>();

        services.AddSingleton<KillSwitchGate>();
        services.TryAddSingleton<IOrderDecider, KernelOrderDecider>();
        services.AddSingleton<OrderManager>();
        services.AddSingleton<OrderGroupExecutor>();
        services.AddSingleton<ProtectiveOrders>();
        services.AddSingleton<SignalExecutor>();
        services.AddSingleton(provider =>
        {
            var orders = provider.GetRequiredService<OrderManager>();
            return new Reconciler(orders, provider.GetRequiredService<IManualTradeStore>(), _ => Task.FromResult(SystemNet(orders)), provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<TradingReadiness>();
        services.AddSingleton<PositionsSquareOff>();
        services.AddSingleton<KillSwitchService>();
        services.AddSingleton<RiskSettingsService>();
        services.AddSingleton<TradingCommands>();
        services.AddSingleton<JournalService>();
        services.AddSingleton<TradingSession>();
        services.AddScoped<TradingDesk>();
        services.AddHostedService<TradingService>();
        services.AddHostedService<ReconciliationService>();
        services.AddHostedService(provider => provider.GetRequiredService<SignalExecutor>());
    }

    /// <summary>
    /// What the system holds by its own orders (adopted manual trades included), from the desk's
    /// filled quantities: consistent with the order book reconciliation has just applied.
    /// </summary>
    private static IReadOnlyDictionary<(InstrumentId Instrument, ProductType Product), int> SystemNet(OrderManager orders) =>
        orders.Orders.Where(o => o.FilledQuantity > 0)
            .GroupBy(o => (o.Instrument, o.Product))
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity));
}
