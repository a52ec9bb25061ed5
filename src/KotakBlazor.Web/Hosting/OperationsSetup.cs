using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Infrastructure.Operations;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Web.Operations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// Operations: the notification outbox (the app's <see cref="INotifier"/>) with its Telegram worker,
/// the subscribers that turn the engine's streams into notifications, the order status verifier,
/// the end-of-day cleanup (six steps, scheduled and on demand) and the expiry watch. Registered
/// before trading, so this notifier wins over trading's default and the subscribers are listening
/// before the desk loads and reconciles.
/// </summary>
public static class OperationsSetup
{
    public static void AddKotakOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<OperationsOptions>(configuration.GetSection(OperationsOptions.SectionName));
        services.AddSingleton(_ => configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions());

        // Notifications.
        services.AddSingleton<NotificationOutbox>();
        // TryAdd: a host (or a test) that registered its own notifier first keeps it.
        services.TryAddSingleton<INotifier>(provider => provider.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<NotificationPreferenceStore>();
        services.AddSingleton<TelegramSettingsStore>();
        services.AddSingleton(provider => TelegramClient.Create(provider.GetRequiredService<TelegramOptions>()));
        services.AddSingleton<TelegramDeliveryWorker>();
        services.AddSingleton<NotificationCentre>();
        services.AddSingleton<TelegramSetup>();
        services.AddHostedService<TelegramDeliveryService>();
        services.AddHostedService<OrderNotifications>();
        services.AddHostedService<EngineNotifications>();
        services.AddHostedService<FeedNotifications>();

        // The order status verifier. TryAdd: a test may stand in for the broker's order book.
        services.TryAddSingleton(provider => new OrderStatusVerifier(provider.GetRequiredService<OrderManager>(), provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<OrderStatusVerifierService>();

        // The end-of-day cleanup.
        services.AddSingleton<IEndOfDayRunStore, EndOfDayRunStore>();
        services.AddSingleton<IDayStatisticsStore, DayStatisticsStore>();
        services.AddSingleton<IOperationsArchive, OperationsArchive>();
        services.AddSingleton<IDatabaseBackup>(provider => new SqliteDatabaseBackup(
            provider.GetRequiredService<IOptions<DatabaseOptions>>(),
            new BackupOptions { RetentionDays = Options(provider).BackupRetentionDays },
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDayStatisticsSource, JournalDayStatistics>();
        services.AddSingleton<IEndOfDayStep>(provider => new FinalOrderVerificationStep(provider.GetRequiredService<OrderManager>()));
        services.AddSingleton<IEndOfDayStep>(provider => new ManualTradeReconciliationStep(provider.GetRequiredService<Reconciler>()));
        services.AddSingleton<IEndOfDayStep>(provider => new StaleOrderStep(provider.GetRequiredService<OrderManager>(), provider.GetRequiredService<TimeProvider>(),
            TimeSpan.FromHours(Options(provider).StaleOrderHours)));
        services.AddSingleton<IEndOfDayStep, DayStatisticsStep>();
        services.AddSingleton<IEndOfDayStep, SummaryNotificationStep>();
        services.AddSingleton<IEndOfDayStep>(provider => new ArchiveAndBackupStep(provider.GetRequiredService<IOperationsArchive>(), provider.GetRequiredService<IDatabaseBackup>(),
            provider.GetRequiredService<TimeProvider>(), TimeSpan.FromDays(Options(provider).ArchiveAfterDays)));
        services.AddSingleton<EndOfDayCleanup>();
        services.AddSingleton<EndOfDayRunner>();
        services.AddHostedService<EndOfDayScheduler>();

        // Expiry day.
        services.AddSingleton<ExpiryAlerts>();
        services.AddSingleton<ExpirySettler>();
        services.AddHostedService<ExpiryWatchService>();
    }

    private static OperationsOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<OperationsOptions>>().Value;
}
