using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Trading;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// Runs the order status verifier every <c>Operations:VerifierIntervalSeconds</c> while the market
/// is in session (its hours and the trading calendar), once trading is ready. Changes it finds flow
/// through the desk to every screen and, as notifications, to everyone who chose them.
/// </summary>
public sealed partial class OrderStatusVerifierService(
    OrderStatusVerifier verifier,
    TradingReadiness readiness,
    IMarketHours hours,
    ITradingCalendar calendar,
    IOptions<OperationsOptions> options,
    TimeProvider clock,
    ILogger<OrderStatusVerifierService> logger) : BackgroundService
{
    /// <summary>The actor the verifier writes into the orders' history.</summary>
    public const string Actor = "verifier";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.VerifierIntervalSeconds;
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
            // Trading could not start: there is nothing to verify.
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!TradingDaySchedule.IsInSession(hours, calendar, clock.GetUtcNow()))
                {
                    continue;
                }

                try
                {
                    var report = await verifier.CheckAsync(Actor, stoppingToken);
                    if (!report.Ran)
                    {
                        LogIncomplete(logger, report.Problem!);
                    }
                    else if (report.Changes.Count > 0)
                    {
                        LogChanges(logger, report.Changes.Count, string.Join("; ", report.Changes.Select(c => c.Describe())));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order status check could not run: {Problem}")]
    private static partial void LogIncomplete(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order status check found {Count} changes the pushes had missed: {Changes}")]
    private static partial void LogChanges(ILogger logger, int count, string changes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order status check failed; the next one tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
