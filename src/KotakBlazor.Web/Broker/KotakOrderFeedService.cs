using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In <c>KotakNeo</c> mode: runs Kotak's HSI order feed and hands its pushes to the gateway, whose one filter
/// publishes each order's changes once and in order to the desk. After every (re)connection the order book is
/// read again: pushes sent while the socket was down are otherwise lost. Updates too sparse to read are
/// fetched by the same read.
/// </summary>
public sealed partial class KotakOrderFeedService(
    KotakOrderFeed feed,
    KotakNeoGateway gateway,
    TradingReadiness readiness,
    ILogger<KotakOrderFeedService> logger) : BackgroundService
{
    private static readonly TimeSpan IncompleteFold = TimeSpan.FromMilliseconds(200);

    private int _refreshesAfterConnect;

    /// <summary>Order-book reads made because the feed (re)connected.</summary>
    public int RefreshesAfterConnect => Volatile.Read(ref _refreshesAfterConnect);

    /// <summary>Each finished order-book read after a (re)connection: how many changes it published, or why it failed.</summary>
    public EventStream<BrokerResult<int>> BookReadAfterConnect { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The desk subscribes to the gateway's updates as trading becomes ready; pushes before that would be lost,
        // and the start-up reconciliation has read the book by then.
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        using var orders = feed.Orders.Subscribe(8192);
        using var incomplete = feed.IncompleteOrders.Subscribe(1024);
        using var status = feed.StatusChanged.Subscribe(256);
        await Task.WhenAll(
            feed.RunAsync(stoppingToken),
            orders.ForEachAsync(row => gateway.PublishPushedOrderAsync(row, stoppingToken), (ex, row) => LogPushFailed(logger, ex, row.BrokerOrderId), stoppingToken),
            incomplete.ForLatestAsync(_ => RefreshAsync("a sparse order update", stoppingToken), IncompleteFold, stoppingToken),
            status.ForEachAsync(s => OnStatusAsync(s, stoppingToken), (ex, _) => LogRefreshFailed(logger, ex), stoppingToken));
    }

    private async Task OnStatusAsync(KotakFeedStatus status, CancellationToken cancellationToken)
    {
        if (status.State != KotakFeedState.Connected)
        {
            return;
        }

        var result = await RefreshAsync(status.ReconnectCount == 0 ? "the order feed connected" : $"the order feed reconnected (reconnect {status.ReconnectCount})", cancellationToken);
        Interlocked.Increment(ref _refreshesAfterConnect);
        BookReadAfterConnect.Publish(result);
    }

    private async Task<BrokerResult<int>> RefreshAsync(string why, CancellationToken cancellationToken)
    {
        var result = await gateway.RefreshOrdersAsync(cancellationToken);
        if (result.IsSuccess)
        {
            LogRefreshed(logger, why, result.Value);
        }
        else
        {
            LogRefreshRefused(logger, why, result.Error!);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order book read because {Why}: {Published} change(s) published")]
    private static partial void LogRefreshed(ILogger logger, string why, int published);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order book could not be read after {Why}: {Error}")]
    private static partial void LogRefreshRefused(ILogger logger, string why, BrokerError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pushed update of order {OrderId} could not be handled; the next book read repairs it")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order book read after an order-feed connection failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
