using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Time;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData;

public sealed class MarketDataProjectionTests
{
    [Fact]
    public async Task Applies_every_tick_to_market_state_and_one_minute_candles()
    {
        var bus = new TickBus();
        var ingestion = new TickIngestion(bus, new ManualClock(Ist(9, 15)));
        var subscription = bus.SubscribeQueue(10_000);
        var projection = new MarketDataProjection(subscription, new MarketState(), new CandleHistory(Timeframe.OneMinute));
        var running = projection.RunAsync(CancellationToken.None);

        ingestion.Ingest(At(Ist(9, 15, 10), 100m, volume: 10, quantity: 10));
        ingestion.Ingest(At(Ist(9, 15, 20), 2500m, volume: 5, quantity: 5, instrument: Reliance));
        ingestion.Ingest(At(Ist(9, 15, 59), 104m, volume: 30, quantity: 20));
        ingestion.Ingest(At(Ist(9, 16, 0), 102m, volume: 35, quantity: 5));

        // Disposing ends the subscription after its queued ticks: RunAsync returns once all are applied.
        subscription.Dispose();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, projection.Applied);
        Assert.True(projection.MarketState.TryGetLatest(Nifty, out var nifty));
        Assert.Equal((102m, 4L), (nifty.LastPrice, nifty.Sequence));
        Assert.True(projection.MarketState.TryGetLatest(Reliance, out var reliance));
        Assert.Equal(2500m, reliance.LastPrice);
        Assert.Equal(
            [new Bar(Nifty, Timeframe.OneMinute, Ist(9, 15), 100m, 104m, 100m, 104m, 30, 2), new Bar(Nifty, Timeframe.OneMinute, Ist(9, 16), 102m, 102m, 102m, 102m, 5, 1)],
            projection.Candles.GetBars(Nifty));
    }

    [Fact]
    public async Task Cancelling_ends_the_run_quietly()
    {
        var bus = new TickBus();
        using var subscription = bus.SubscribeQueue();
        var projection = new MarketDataProjection(subscription, new MarketState(), new CandleHistory(Timeframe.OneMinute));
        using var stop = new CancellationTokenSource();

        var running = projection.RunAsync(stop.Token);
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();

        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(running.IsCompletedSuccessfully);
    }
}
