using System.Threading.Channels;

namespace KotakBlazor.Core.MarketData.Bus;

/// <summary>
/// A bounded queue of ticks for one reader (persistence, the hub, projections). When the reader
/// falls behind, the oldest tick is dropped and counted in <see cref="Dropped"/>: a slow reader
/// loses data, it never blocks ingestion. One reader at a time; dispose to unsubscribe.
/// </summary>
public sealed class TickQueueSubscription : ITickBusSubscriber, IDisposable
{
    /// <summary>The queue length used when none is given.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly object _gate = new();
    private readonly TickBus _bus;
    private readonly Tick[] _buffer;
    private readonly AsyncSignal _signal;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _head;
    private int _count;
    private long _dropped;
    private bool _disposed;

    internal TickQueueSubscription(TickBus bus, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _bus = bus;
        _buffer = new Tick[capacity];
        _signal = new AsyncSignal(_gate);
        Reader = new QueueReader(this);
    }

    /// <summary>The most ticks held before the oldest is dropped.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Ticks waiting to be read.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Ticks dropped because the reader was behind. Safe from any thread.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The queue as a channel reader (for <c>ReadAllAsync</c> and friends). Completes when the subscription is disposed and drained.</summary>
    public ChannelReader<Tick> Reader { get; }

    /// <summary>Takes the oldest waiting tick, if any.</summary>
    public bool TryRead(out Tick tick)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                tick = default;
                return false;
            }

            tick = _buffer[_head];
            _head = Next(_head);
            _count--;
        }

        CompleteIfDrained();
        return true;
    }

    /// <summary>Moves up to <c>destination.Length</c> waiting ticks, oldest first, into <paramref name="destination"/>; returns how many. One lock for the batch.</summary>
    public int Drain(Span<Tick> destination)
    {
        int taken;
        lock (_gate)
        {
            taken = Math.Min(destination.Length, _count);
            var firstPart = Math.Min(taken, _buffer.Length - _head);
            _buffer.AsSpan(_head, firstPart).CopyTo(destination);
            _buffer.AsSpan(0, taken - firstPart).CopyTo(destination[firstPart..]);
            _head = (_head + taken) % _buffer.Length;
            _count -= taken;
        }

        CompleteIfDrained();
        return taken;
    }

    /// <summary>Waits until a tick can be read (true) or the subscription is disposed and drained (false). One waiter at a time.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        lock (_gate)
        {
            if (_count > 0)
            {
                return new ValueTask<bool>(true);
            }

            if (_disposed)
            {
                return new ValueTask<bool>(false);
            }

            _signal.ArmLocked(cancellationToken);
        }

        return _signal.WaitArmed();
    }

    /// <summary>
    /// Unsubscribes: no new ticks arrive, the ones already queued can still be read, and then
    /// the reader sees the end of the stream (like completing a channel writer).
    /// </summary>
    public void Dispose()
    {
        bool release;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            release = _signal.TryTakeLocked(_count > 0);
        }

        _bus.Remove(this);
        CompleteIfDrained();
        if (release)
        {
            _signal.Release();
        }
    }

    void ITickBusSubscriber.Deliver(in Tick tick)
    {
        bool release;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var tail = _head + _count;
            if (tail >= _buffer.Length)
            {
                tail -= _buffer.Length;
            }

            _buffer[tail] = tick;
            if (_count == _buffer.Length)
            {
                _head = Next(_head);
                Interlocked.Increment(ref _dropped);
            }
            else
            {
                _count++;
            }

            release = _signal.TryTakeLocked(true);
        }

        if (release)
        {
            _signal.Release();
        }
    }

    private void CompleteIfDrained()
    {
        // Volatile reads suffice: both flags only ever move one way (disposed, then empty).
        if (Volatile.Read(ref _disposed) && Volatile.Read(ref _count) == 0)
        {
            _completion.TrySetResult();
        }
    }

    private int Next(int index) => index + 1 == _buffer.Length ? 0 : index + 1;

    private sealed class QueueReader(TickQueueSubscription owner) : ChannelReader<Tick>
    {
        public override Task Completion => owner._completion.Task;

        public override bool CanCount => true;

        public override int Count => owner.Count;

        public override bool TryRead(out Tick item) => owner.TryRead(out item);

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => owner.WaitToReadAsync(cancellationToken);
    }
}
