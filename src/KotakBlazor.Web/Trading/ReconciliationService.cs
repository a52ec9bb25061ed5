using KotakBlazor.Core.Reconciliation;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Reconciles with the broker on an interval (and once at start-up, in <see cref="TradingService"/>),
/// whether or not a live session runs: orders and manual trades need watching regardless.
/// </summary>
public sealed partial class ReconciliationService(
    Reconciler reconciler,
    TradingReadiness readiness,
    IOptions<ReconciliationOptions> options,
    TimeProvider clock,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.IntervalSeconds;
        if (interval <= 0)
        {
            return;
        }

        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var report = await reconciler.RunAsync("reconciliation", stoppingToken);
                    if (!report.IsComplete)
                    {
                        LogIncomplete(logger, string.Join("; ", report.Problems));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation incomplete: {Problems}")]
    private static partial void LogIncomplete(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
