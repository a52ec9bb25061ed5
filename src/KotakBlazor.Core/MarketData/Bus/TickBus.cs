using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.MarketData.Bus;

/// <summary>
/// Fans accepted ticks out to subscribers. Publishing reads a copy-on-write array, so the hot
/// path takes no lock of its own and allocates nothing; subscribing and unsubscribing may
/// happen on any thread at any time. Subscribers never slow the publisher down: each has its
/// own bounded or coalescing buffer.
/// </summary>
public sealed class TickBus
{
    private readonly object _gate = new();
    private ITickBusSubscriber[] _subscribers = [];

    /// <summary>How many subscriptions are live.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Hands a tick to every subscriber. The system publishes from the ingestion thread only, which keeps the order of ticks.</summary>
    public void Publish(in Tick tick)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        for (var i = 0; i < subscribers.Length; i++)
        {
            subscribers[i].Deliver(in tick);
        }
    }

    /// <summary>Subscribes with a bounded queue that drops its oldest tick when full. Dispose the subscription to unsubscribe.</summary>
    public TickQueueSubscription SubscribeQueue(int capacity = TickQueueSubscription.DefaultCapacity)
    {
        var subscription = new TickQueueSubscription(this, capacity);
        Add(subscription);
        return subscription;
    }

    /// <summary>
    /// Subscribes to the latest tick per instrument, optionally only for <paramref name="instruments"/>
    /// (null: every instrument). Dispose the subscription to unsubscribe.
    /// </summary>
    public LatestTickSubscription SubscribeLatest(IEnumerable<InstrumentId>? instruments = null)
    {
        var subscription = new LatestTickSubscription(this, instruments);
        Add(subscription);
        return subscription;
    }

    internal void Remove(ITickBusSubscriber subscriber)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscriber);
            if (index < 0)
            {
                return;
            }

            var copy = new ITickBusSubscriber[_subscribers.Length - 1];
            Array.Copy(_subscribers, 0, copy, 0, index);
            Array.Copy(_subscribers, index + 1, copy, index, copy.Length - index);
            Volatile.Write(ref _subscribers, copy);
        }
    }

    private void Add(ITickBusSubscriber subscriber)
    {
        lock (_gate)
        {
            Volatile.Write(ref _subscribers, [.. _subscribers, subscriber]);
        }
    }
}
