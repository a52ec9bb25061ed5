using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Brings the trading side up after the kernel: the stored risk limits and kill switch, the
/// stored orders and fills (positions rebuilt from them), the broker, a first reconciliation
/// that settles intents left by a crash; then it keeps fills flowing into the kernel's
/// positions and hands automatic kill-switch trips to the kill-switch service.
/// </summary>
public sealed partial class TradingService(
    TradingKernel kernel,
    KernelEventStreams events,
    OrderManager orders,
    IOrderStore orderStore,
    IRiskStore riskStore,
    KillSwitchService killSwitch,
    Reconciler reconciler,
    IBrokerSession broker,
    TradingReadiness readiness,
    TimeProvider clock,
    ILogger<TradingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribe before anything can happen, so no trip or fill published during start-up is missed.
        using var trips = events.KillSwitch.Subscribe(256);
        using var fills = orders.Fills.Subscribe(65_536);
        try
        {
            await StartTradingAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStartFailed(logger, ex);
            readiness.Fail(ex.Message);
            throw;
        }

        // The desk subscribes to the broker's pushes as RunAsync is called: only then may orders come in.
        var running = Task.WhenAll(
            orders.RunAsync(stoppingToken),
            PumpFillsAsync(fills, stoppingToken),
            PumpTripsAsync(trips, stoppingToken));
        readiness.Ready();
        await running;
    }

    private async Task StartTradingAsync(CancellationToken cancellationToken)
    {
        var limits = await riskStore.LoadLimitsAsync(cancellationToken);
        await kernel.InvokeAsync(core =>
        {
            core.Risk.UpdateLimits(limits);
            return true;
        }, cancellationToken);
        await killSwitch.RestoreAsync(cancellationToken);

        await orders.LoadAsync(cancellationToken);
        var since = clock.GetUtcNow() - OrderManager.LoadWindow;
        var stored = await orderStore.LoadFillsAsync(since, cancellationToken);
        var today = IndianMarketTime.IstDate(clock.GetUtcNow());
        var ours = stored.Where(f => f.OrderId is not null).ToList();
        await kernel.InvokeAsync(core =>
        {
            // Earlier days' fills make the carried positions; the day then starts from them, and today's fills follow,
            // so a restart in the middle of the day keeps the day's realized P&L.
            foreach (var fill in ours.Where(f => IndianMarketTime.IstDate(f.Time) < today))
            {
                core.ApplyFill(fill);
            }

            core.Positions.Reset(today);
            foreach (var fill in ours.Where(f => IndianMarketTime.IstDate(f.Time) >= today))
            {
                core.ApplyFill(fill);
            }

            return true;
        }, cancellationToken);

        await broker.StartAsync(stored, orders.Orders, cancellationToken);
        var report = await reconciler.RunAsync("reconciliation", cancellationToken);
        LogStarted(logger, orders.Orders.Count, stored.Count, report.ManualTradesFound.Count, string.Join("; ", report.Problems));
    }

    private Task PumpFillsAsync(Core.Messaging.EventStream<Fill>.Subscription fills, CancellationToken cancellationToken) =>
        fills.ForEachAsync(fill => kernel.InvokeAsync(core =>
        {
            core.ApplyFill(fill);
            return true;
        }, cancellationToken), (ex, fill) => LogFillRefused(logger, ex, fill.TradeId, fill.TradingSymbol), cancellationToken);

    private Task PumpTripsAsync(Core.Messaging.EventStream<KillSwitchChange>.Subscription trips, CancellationToken cancellationToken) =>
        trips.ForEachAsync(change => killSwitch.OnKernelChangeAsync(change, cancellationToken), (ex, change) => LogTripHandlingFailed(logger, ex, change.Reason), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading ready: {Orders} orders and {Fills} fills loaded; {Manual} manual trades found; reconciliation problems: {Problems}")]
    private static partial void LogStarted(ILogger logger, int orders, int fills, int manual, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fill {TradeId} of {Symbol} could not be applied to the positions (it is stored; check the broker's trade)")]
    private static partial void LogFillRefused(ILogger logger, Exception exception, string tradeId, string symbol);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Trading could not start: no order will be placed")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The kill-switch trip '{Reason}' could not be fully handled")]
    private static partial void LogTripHandlingFailed(ILogger logger, Exception exception, string reason);
}
