using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Hosting;
using KotakBlazor.Web.Trading;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// On trading days: at <c>Operations:ExpiryWarningTime</c> (before the close) positions in contracts
/// expiring today are flagged (a notification and the banner on every page); at the close, in paper
/// mode, they are settled (index derivatives in cash at the closing spot, worthless options closed,
/// physical delivery flagged). With a live broker the exchange settles and reconciliation picks it up.
/// </summary>
public sealed partial class ExpiryWatchService(
    TradingKernel kernel,
    IInstrumentCatalog catalog,
    MarketState market,
    IServiceProvider services,
    ExpiryAlerts alerts,
    TradingReadiness readiness,
    INotifier notifier,
    ITradingCalendar calendar,
    IOptions<OperationsOptions> options,
    IOptions<BrokerOptions> broker,
    TimeProvider clock,
    ILogger<ExpiryWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var warning = options.Value.ExpiryWarning;
        try
        {
            // The positions are rebuilt from the stored fills when trading starts: nothing to look at before.
            await readiness.WhenReady.WaitAsync(stoppingToken);
            await FlagIfStartedAfterTheWarningAsync(warning, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var close = TradingDaySchedule.NextAt(now, IndianMarketTime.SessionClose, calendar);
                var warn = warning is { } at ? TradingDaySchedule.NextAt(now, at, calendar) : DateTimeOffset.MaxValue;
                var next = warn < close ? warn : close;
                await Task.Delay(next - now > TimeSpan.Zero ? next - now : TimeSpan.Zero, clock, stoppingToken);
                var day = IndianMarketTime.IstDate(next);
                try
                {
                    if (next == warn)
                    {
                        await FlagAsync(day, stoppingToken);
                    }
                    else
                    {
                        await SettleAsync(day, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, day);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (InvalidOperationException)
        {
            // Trading could not start: no positions to watch.
        }
    }

    // Started (or restarted) between the warning and the close of a trading day: the warning is due now, not tomorrow.
    private async Task FlagIfStartedAfterTheWarningAsync(TimeOnly? warning, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = IndianMarketTime.IstDate(now);
        if (warning is { } at && calendar.IsTradingDay(today)
            && now >= IndianMarketTime.AtIst(today, at) && now < IndianMarketTime.AtIst(today, IndianMarketTime.SessionClose))
        {
            try
            {
                await FlagAsync(today, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, today);
            }
        }
    }

    /// <summary>Flags the positions expiring on <paramref name="day"/>: a notification and the banner. Returns them.</summary>
    public async Task<IReadOnlyList<ExpiringPosition>> FlagAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var expiring = ExpiryCheck.Find(kernel.Core.Portfolio.Positions, catalog, day);
        if (expiring.Count == 0)
        {
            alerts.Set(null);
            return expiring;
        }

        var lines = expiring.Select(e => e.Describe()).ToList();
        var title = $"{expiring.Count} position{(expiring.Count == 1 ? "" : "s")} in contracts expiring today";
        alerts.Set(new ExpiryAlert(day, title, lines, Settled: false));
        await notifier.PublishAsync(new Notification(NotificationKind.System, NotificationSeverity.Warning, title,
            string.Join('\n', lines) + "\nClose or roll them before 15:30 IST, or they settle at expiry.", clock.GetUtcNow()), cancellationToken);
        LogFlagged(logger, expiring.Count, day);
        return expiring;
    }

    /// <summary>At the close of <paramref name="day"/>: in paper mode, settles the expiring positions. Returns one line per position.</summary>
    public async Task<IReadOnlyList<string>> SettleAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var expiring = ExpiryCheck.Find(kernel.Core.Portfolio.Positions, catalog, day);
        if (expiring.Count == 0)
        {
            alerts.Set(null);
            return [];
        }

        var paper = broker.Value.Mode == BrokerMode.Paper;
        var settler = paper ? services.GetRequiredService<ExpirySettler>() : null;
        var lines = new List<string>();
        foreach (var position in expiring)
        {
            if (position.Spot is not { } spot || !market.TryGetLatest(spot.Id, out var tick) || tick.LastPrice <= 0m)
            {
                lines.Add($"{position.Instrument.TradingSymbol}: no closing price of its underlying; not settled, check it with the broker");
                continue;
            }

            var settlement = ExpiryCheck.Plan(position, tick.LastPrice);
            lines.Add(settler is null ? settlement.Describe() + " (the exchange settles it)" : await settler.SettleAsync(settlement, cancellationToken));
        }

        var title = $"Expiry {(paper ? "settled" : "at the close")}: {expiring.Count} position{(expiring.Count == 1 ? "" : "s")}";
        alerts.Set(new ExpiryAlert(day, title, lines, Settled: true));
        await notifier.PublishAsync(new Notification(NotificationKind.System, NotificationSeverity.Warning, title, string.Join('\n', lines), clock.GetUtcNow()), cancellationToken);
        LogSettled(logger, expiring.Count, day);
        return lines;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} positions expire on {Day}: flagged")]
    private static partial void LogFlagged(ILogger logger, int count, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} expiring positions handled at the close of {Day}")]
    private static partial void LogSettled(ILogger logger, int count, DateOnly day);

    [LoggerMessage(Level = LogLevel.Error, Message = "The expiry watch failed for {Day}")]
    private static partial void LogFailed(ILogger logger, Exception exception, DateOnly day);
}
