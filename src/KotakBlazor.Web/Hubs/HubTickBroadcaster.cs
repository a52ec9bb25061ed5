using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using Microsoft.AspNetCore.SignalR;

namespace KotakBlazor.Web.Hubs;

/// <summary>
/// Sends each tick to the hub group of its instrument, when anyone subscribed to it. Reads its
/// own bounded queue on the bus, so slow hub clients never hold up ingestion.
/// </summary>
internal sealed class HubTickBroadcaster(
    TickBus bus,
    HubSubscriptions subscriptions,
    IInstrumentCatalog catalog,
    IHubContext<MarketHub, IMarketClient> hub,
    ILogger<HubTickBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var queue = bus.SubscribeQueue();
        var names = new Dictionary<InstrumentId, (string Key, string Group, string Symbol)>();
        try
        {
            while (await queue.WaitToReadAsync(stoppingToken))
            {
                while (queue.TryRead(out var tick))
                {
                    if (!subscriptions.HasSubscribers(tick.Instrument))
                    {
                        continue;
                    }

                    if (!names.TryGetValue(tick.Instrument, out var name))
                    {
                        var key = tick.Instrument.ToString();
                        name = (key, HubSubscriptions.GroupName(tick.Instrument), catalog.TryGet(tick.Instrument, out var i) ? i.TradingSymbol : key);
                        names[tick.Instrument] = name;
                    }

                    await hub.Clients.Group(name.Group).Tick(TickMessage.From(tick, name.Key, name.Symbol));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The hub tick broadcaster stopped");
            throw;
        }
    }
}
