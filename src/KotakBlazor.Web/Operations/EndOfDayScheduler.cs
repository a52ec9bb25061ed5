using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Operations;

/// <summary>Starts the end-of-day cleanup at <c>Operations:EndOfDayTime</c> (IST) on every trading day.</summary>
public sealed partial class EndOfDayScheduler(
    EndOfDayRunner runner,
    ITradingCalendar calendar,
    IOptions<OperationsOptions> options,
    TimeProvider clock,
    ILogger<EndOfDayScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EndOfDay is not { } at)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = TradingDaySchedule.NextAt(clock.GetUtcNow(), at, calendar);
                LogNext(logger, IndianMarketTime.ToIst(next));
                var wait = next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                var day = IndianMarketTime.IstDate(next);
                if (!runner.StartScheduled(day))
                {
                    LogBusy(logger, day);
                }

                await runner.LastRun.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next end-of-day cleanup at {At:yyyy-MM-dd HH:mm} IST")]
    private static partial void LogNext(ILogger logger, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduled end-of-day cleanup for {Day} did not start: a run was in progress")]
    private static partial void LogBusy(ILogger logger, DateOnly day);
}
