using KotakBlazor.Core.Kernel;
using Microsoft.AspNetCore.SignalR;

namespace KotakBlazor.Web.Hubs;

/// <summary>Sends every signal to every hub client.</summary>
internal sealed class HubSignalBroadcaster(KernelEventStreams events, IHubContext<MarketHub, IMarketClient> hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var signals = events.Signals.Subscribe();
        try
        {
            await foreach (var signal in signals.Reader.ReadAllAsync(stoppingToken))
            {
                await hub.Clients.All.Signal(signal);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
