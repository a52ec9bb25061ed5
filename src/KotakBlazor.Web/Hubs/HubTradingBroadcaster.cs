using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Positions;
using Microsoft.AspNetCore.SignalR;

namespace KotakBlazor.Web.Hubs;

/// <summary>
/// Sends order updates, positions and P&amp;L, and kill-switch changes to every hub client.
/// Orders and kill-switch changes go one by one (each matters); portfolio snapshots are
/// coalesced to the latest, at most four a second, so a busy market never queues stale P&amp;L.
/// </summary>
internal sealed class HubTradingBroadcaster(KernelEventStreams events, OrderManager orders, IHubContext<MarketHub, IMarketClient> hub, TimeProvider clock)
    : BackgroundService
{
    private static readonly TimeSpan PortfolioInterval = TimeSpan.FromMilliseconds(250);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        ForwardAsync(orders.Changes.Subscribe(8192), order => hub.Clients.All.Order(order), stoppingToken),
        ForwardAsync(events.KillSwitch.Subscribe(256), change => hub.Clients.All.KillSwitch(change), stoppingToken),
        ForwardPortfolioAsync(stoppingToken));

    private static async Task ForwardAsync<T>(Core.Messaging.EventStream<T>.Subscription subscription, Func<T, Task> send, CancellationToken cancellationToken)
    {
        using (subscription)
        {
            await subscription.ForEachAsync(send, null, cancellationToken);
        }
    }

    private async Task ForwardPortfolioAsync(CancellationToken cancellationToken)
    {
        using var subscription = events.Portfolio.Subscribe(1024);
        try
        {
            while (await subscription.Reader.WaitToReadAsync(cancellationToken))
            {
                PortfolioSnapshot? latest = null;
                while (subscription.Reader.TryRead(out var snapshot))
                {
                    latest = snapshot;
                }

                if (latest is not null)
                {
                    await hub.Clients.All.Portfolio(latest);
                    await Task.Delay(PortfolioInterval, clock, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
