namespace KotakBlazor.Core.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told. Timers created from it fire
/// synchronously, on the thread that moves the clock, in due-time order, so tests and replays
/// see exactly the callbacks that real time would have produced, without waiting.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _armedWaiters = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _utcNow;
    private long _nextTimerOrder;

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    public ManualClock(DateTimeOffset start)
    {
        _start = start;
        _utcNow = start;
    }

    /// <summary>UTC: a manual clock has no local time of its own; show IST with <see cref="IndianMarketTime"/>.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>One timestamp unit is one <see cref="TimeSpan"/> tick.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are waiting for a due time.</summary>
    public int ArmedTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(static t => t.DueAt is not null);
            }
        }
    }

    /// <summary>When the earliest armed timer is due; null when none is armed.</summary>
    public DateTimeOffset? NextTimerDueAt
    {
        get
        {
            lock (_gate)
            {
                return FindNextDue(DateTimeOffset.MaxValue)?.DueAt;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => (GetUtcNow() - _start).Ticks;

    /// <summary>Moves time forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delta is negative: time never runs backwards.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _utcNow + delta;
        }

        MoveTo(target);
    }

    /// <summary>Moves time forward to <paramref name="utcNow"/>, firing every timer that falls due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is earlier than now: time never runs backwards.</exception>
    public void SetUtcNow(DateTimeOffset utcNow)
    {
        lock (_gate)
        {
            if (utcNow < _utcNow)
            {
                throw new ArgumentOutOfRangeException(nameof(utcNow), utcNow, $"The clock is at {_utcNow:O}; it cannot go back.");
            }
        }

        MoveTo(utcNow);
    }

    /// <summary>Completes when at least <paramref name="count"/> timers are armed: lets a test advance time only after the code under test has started waiting.</summary>
    public Task WaitForArmedTimersAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_timers.Count(static t => t.DueAt is not null) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _armedWaiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = FindNextDue(target);
                if (due is null)
                {
                    if (target > _utcNow)
                    {
                        _utcNow = target;
                    }

                    return;
                }

                if (due.DueAt!.Value > _utcNow)
                {
                    _utcNow = due.DueAt.Value;
                }

                // Re-arm before the callback so a callback that calls Change wins.
                due.DueAt = due.Period > TimeSpan.Zero && due.Period != Timeout.InfiniteTimeSpan ? due.DueAt + due.Period : null;
                due.Order = _nextTimerOrder++;
            }

            due.Callback(due.State);
        }
    }

    private ManualTimer? FindNextDue(DateTimeOffset notAfter)
    {
        ManualTimer? next = null;
        foreach (var timer in _timers)
        {
            if (timer.DueAt is { } dueAt && dueAt <= notAfter
                && (next is null || dueAt < next.DueAt || (dueAt == next.DueAt && timer.Order < next.Order)))
            {
                next = timer;
            }
        }

        return next;
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<TaskCompletionSource>? released = null;
        bool fireNow;
        lock (_gate)
        {
            if (timer.IsDisposed)
            {
                return;
            }

            timer.Period = period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _utcNow + dueTime;
            timer.Order = _nextTimerOrder++;
            fireNow = dueTime == TimeSpan.Zero;
            var armed = _timers.Count(static t => t.DueAt is not null);
            for (var i = _armedWaiters.Count - 1; i >= 0; i--)
            {
                if (armed >= _armedWaiters[i].Count)
                {
                    (released ??= []).Add(_armedWaiters[i].Signal);
                    _armedWaiters.RemoveAt(i);
                }
            }
        }

        released?.ForEach(static s => s.TrySetResult());
        if (fireNow)
        {
            // A zero due time is already past: fire it as a real timer would, without waiting for Advance.
            MoveTo(GetUtcNow());
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.IsDisposed = true;
            timer.DueAt = null;
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public long Order { get; set; }

        public bool IsDisposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(dueTime));
            }

            if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(period));
            }

            if (IsDisposed)
            {
                return false;
            }

            clock.Arm(this, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
