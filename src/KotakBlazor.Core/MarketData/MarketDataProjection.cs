using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Messaging;

namespace KotakBlazor.Core.MarketData;

/// <summary>
/// Keeps <see cref="MarketState"/> and the 1-minute <see cref="CandleHistory"/> up to date from
/// a queue subscription on the tick bus. The only writer of both.
/// </summary>
public sealed class MarketDataProjection
{
    private const int BatchSize = 256;

    private readonly TickQueueSubscription _subscription;
    private readonly EventStream<Bar>? _closedBars;
    private long _applied;

    /// <summary>Creates the projection. Subscribe before the pipeline starts so no tick is missed.</summary>
    /// <param name="subscription">Its queue on the tick bus.</param>
    /// <param name="marketState">The latest tick per instrument, kept here.</param>
    /// <param name="candles">The candles, kept here.</param>
    /// <param name="closedBars">Where candles are published as they close (to be stored), if anywhere.</param>
    public MarketDataProjection(TickQueueSubscription subscription, MarketState marketState, CandleHistory candles, EventStream<Bar>? closedBars = null)
    {
        _closedBars = closedBars;
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(marketState);
        ArgumentNullException.ThrowIfNull(candles);
        _subscription = subscription;
        MarketState = marketState;
        Candles = candles;
    }

    /// <summary>The latest tick per instrument.</summary>
    public MarketState MarketState { get; }

    /// <summary>The candles built from the ticks.</summary>
    public CandleHistory Candles { get; }

    /// <summary>Ticks applied so far.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Applies ticks until cancelled or the subscription is disposed; cancellation ends it quietly.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new Tick[BatchSize];
        try
        {
            while (await _subscription.WaitToReadAsync(cancellationToken))
            {
                int count;
                while ((count = _subscription.Drain(batch)) > 0)
                {
                    for (var i = 0; i < count; i++)
                    {
                        MarketState.Update(in batch[i]);
                        if (Candles.Update(in batch[i], out var closed))
                        {
                            _closedBars?.Publish(closed);
                        }
                    }

                    Interlocked.Add(ref _applied, count);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
