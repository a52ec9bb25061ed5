using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Options;

namespace KotakBlazor.Web.Market;

/// <summary>
/// Feeds every tick's open interest, in bus order, into the one <see cref="OpenInterestTracker"/>
/// the option chain reads its "change in OI" from. The tracker wants a single writer: this loop.
/// </summary>
internal sealed class OpenInterestRecorder(TickBus bus, OpenInterestTracker tracker) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.SubscribeQueue();
        try
        {
            while (await subscription.WaitToReadAsync(stoppingToken))
            {
                while (subscription.TryRead(out var tick))
                {
                    tracker.Record(in tick);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
