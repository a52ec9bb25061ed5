using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.MarketData.Bus;

/// <summary>
/// Keeps only the latest tick per instrument, for screens that render at most a few times a
/// second: a burst of a thousand NIFTY ticks becomes one row update. Optionally limited to a
/// set of instruments that can change while subscribed (a watchlist edit). One reader at a
/// time; dispose to unsubscribe.
/// </summary>
public sealed class LatestTickSubscription : ITickBusSubscriber, IDisposable
{
    private readonly object _gate = new();
    private readonly TickBus _bus;
    private readonly AsyncSignal _signal;
    private readonly Dictionary<InstrumentId, int> _slotByInstrument = [];
    private Tick[] _latest = new Tick[16];
    private bool[] _isChanged = new bool[16];
    private int[] _changed = new int[16];
    private int _changedCount;
    private HashSet<InstrumentId>? _filter;
    private bool _disposed;

    internal LatestTickSubscription(TickBus bus, IEnumerable<InstrumentId>? instruments)
    {
        _bus = bus;
        _signal = new AsyncSignal(_gate);
        _filter = instruments is null ? null : [.. instruments];
    }

    /// <summary>The instruments passed through; null when every instrument is.</summary>
    public IReadOnlyCollection<InstrumentId>? Filter => Volatile.Read(ref _filter);

    /// <summary>Whether some instrument changed since the last <see cref="TakeChanged()"/>.</summary>
    public bool HasChanges
    {
        get
        {
            lock (_gate)
            {
                return _changedCount > 0;
            }
        }
    }

    /// <summary>
    /// Changes which instruments pass (null: all). Pending changes of instruments no longer
    /// wanted are forgotten; newly wanted ones appear with their next tick (read their
    /// current price from <see cref="MarketState"/>).
    /// </summary>
    public void SetFilter(IEnumerable<InstrumentId>? instruments)
    {
        HashSet<InstrumentId>? filter = instruments is null ? null : [.. instruments];
        lock (_gate)
        {
            Volatile.Write(ref _filter, filter);
            if (filter is null)
            {
                return;
            }

            var kept = 0;
            for (var i = 0; i < _changedCount; i++)
            {
                var slot = _changed[i];
                if (filter.Contains(_latest[slot].Instrument))
                {
                    _changed[kept++] = slot;
                }
                else
                {
                    _isChanged[slot] = false;
                }
            }

            _changedCount = kept;
        }
    }

    /// <summary>Waits until some instrument has changed (true) or the subscription is disposed (false). One waiter at a time.</summary>
    public ValueTask<bool> WaitForChangesAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return new ValueTask<bool>(false);
            }

            if (_changedCount > 0)
            {
                return new ValueTask<bool>(true);
            }

            _signal.ArmLocked(cancellationToken);
        }

        return _signal.WaitArmed();
    }

    /// <summary>The latest tick of every instrument that changed since the last call, in order of first change; empty when nothing did.</summary>
    public IReadOnlyList<Tick> TakeChanged()
    {
        var result = new List<Tick>();
        TakeChanged(result);
        return result;
    }

    /// <summary>Appends the latest tick of every changed instrument to <paramref name="destination"/> and returns how many; lets a caller reuse one list.</summary>
    public int TakeChanged(ICollection<Tick> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            for (var i = 0; i < _changedCount; i++)
            {
                var slot = _changed[i];
                destination.Add(_latest[slot]);
                _isChanged[slot] = false;
            }

            var taken = _changedCount;
            _changedCount = 0;
            return taken;
        }
    }

    /// <summary>Unsubscribes; a waiting reader gets false.</summary>
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
            _changedCount = 0;
            release = _signal.TryTakeLocked(false);
        }

        _bus.Remove(this);
        if (release)
        {
            _signal.Release();
        }
    }

    void ITickBusSubscriber.Deliver(in Tick tick)
    {
        // Unwanted ticks are rejected before taking the lock; the filter is re-checked under it
        // in case SetFilter replaced it meanwhile.
        var filter = Volatile.Read(ref _filter);
        if (filter is not null && !filter.Contains(tick.Instrument))
        {
            return;
        }

        bool release;
        lock (_gate)
        {
            if (_disposed || (!ReferenceEquals(filter, _filter) && _filter is not null && !_filter.Contains(tick.Instrument)))
            {
                return;
            }

            if (!_slotByInstrument.TryGetValue(tick.Instrument, out var slot))
            {
                slot = _slotByInstrument.Count;
                _slotByInstrument.Add(tick.Instrument, slot);
                if (slot == _latest.Length)
                {
                    Array.Resize(ref _latest, slot * 2);
                    Array.Resize(ref _isChanged, slot * 2);
                    Array.Resize(ref _changed, slot * 2);
                }
            }

            _latest[slot] = tick;
            if (!_isChanged[slot])
            {
                _isChanged[slot] = true;
                _changed[_changedCount++] = slot;
            }

            release = _signal.TryTakeLocked(true);
        }

        if (release)
        {
            _signal.Release();
        }
    }
}
