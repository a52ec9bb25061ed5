using System.Threading.Channels;

namespace KotakBlazor.Core.Messaging;

/// <summary>
/// In-process publish/subscribe for events that are rare next to ticks (signals, strategy
/// changes, later orders and fills). Each subscriber has its own bounded queue, so a slow one
/// never blocks the publisher; when a queue overflows the oldest event is dropped and counted.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class EventStream<T>
{
    private readonly Lock _gate = new();
    private Subscription[] _subscribers = [];

    /// <summary>Hands the event to every subscriber without waiting.</summary>
    public void Publish(T item)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite(item);
        }
    }

    /// <summary>Subscribes; dispose the subscription to stop.</summary>
    public Subscription Subscribe(int capacity = 1024)
    {
        var subscription = new Subscription(this, capacity);
        lock (_gate)
        {
            Volatile.Write(ref _subscribers, [.. _subscribers, subscription]);
        }

        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            Volatile.Write(ref _subscribers, Array.FindAll(_subscribers, s => s != subscription));
        }
    }

    /// <summary>One subscriber's queue.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly EventStream<T> _owner;
        private readonly Channel<T> _channel;
        private long _dropped;

        internal Subscription(EventStream<T> owner, int capacity)
        {
            _owner = owner;
            _channel = Channel.CreateBounded<T>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
        }

        /// <summary>Read the events from here.</summary>
        public ChannelReader<T> Reader => _channel.Reader;

        /// <summary>Events dropped because this subscriber fell a whole queue behind.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        internal ChannelWriter<T> Writer => _channel.Writer;

        /// <summary>
        /// For screens: whenever events arrive, hands only the newest to <paramref name="handle"/>,
        /// then waits <paramref name="interval"/> before looking again, so a busy stream is shown
        /// at most once per interval and never queues stale values. Cancellation ends it quietly.
        /// </summary>
        public async Task ForLatestAsync(Func<T, Task> handle, TimeSpan interval, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(handle);
            try
            {
                while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var latest = default(T);
                    var any = false;
                    while (_channel.Reader.TryRead(out var item))
                    {
                        latest = item;
                        any = true;
                    }

                    if (any)
                    {
                        await handle(latest!).ConfigureAwait(false);
                    }

                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down.
            }
        }

        /// <summary>
        /// Hands every event to <paramref name="handle"/>, in order, until cancelled. With
        /// <paramref name="onError"/>, an event whose handling throws is reported there and the
        /// next one is handled (one bad event must not stop a listener); without it, the exception
        /// ends the loop. Cancellation ends it quietly.
        /// </summary>
        public async Task ForEachAsync(Func<T, Task> handle, Action<Exception, T>? onError, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(handle);
            try
            {
                await foreach (var item in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        await handle(item).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (onError is not null && ex is not OperationCanceledException)
                    {
                        onError(ex, item);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down.
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _owner.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
