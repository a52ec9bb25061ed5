using KotakBlazor.Infrastructure.Notifications;

namespace KotakBlazor.Web.Operations;

/// <summary>Runs the Telegram delivery worker for the app's lifetime.</summary>
public sealed class TelegramDeliveryService(TelegramDeliveryWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(stoppingToken);
}
