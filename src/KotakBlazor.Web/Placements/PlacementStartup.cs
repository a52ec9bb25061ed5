using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Placements;

/// <summary>
/// Loads the stored placements once the order desk is ready (its orders loaded and reconciled
/// with the broker), so a placement that was running when the app stopped is found, brought up
/// to date from the orders, and stopped to wait for the trader (never resumed by itself).
/// </summary>
public sealed partial class PlacementStartup(PlacementDesk desk, TradingReadiness readiness, ILogger<PlacementStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (InvalidOperationException)
        {
            // Trading failed to start; the readiness failure says why on every screen.
            return;
        }

        try
        {
            await desk.LoadAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored placements could not be loaded; the placements list is empty until the next start")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
