namespace KotakBlazor.Core.Time;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time from the moment it is
/// made, with timers scaled to match. For demos and browser tests: with speed 30 a simulated
/// 1-minute bar closes every two real seconds. Never for live trading.
/// </summary>
public sealed class AcceleratedClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    /// <summary>Starts at the real clock's now and runs <paramref name="speed"/> times faster.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The speed is not above 0.</exception>
    public AcceleratedClock(double speed, TimeProvider? real = null)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The clock speed must be a positive number.");
        }

        Speed = speed;
        _real = real ?? System;
        _start = _real.GetUtcNow();
        _startTimestamp = _real.GetTimestamp();
    }

    /// <summary>How many simulated seconds pass per real second.</summary>
    public double Speed { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(_real.GetElapsedTime(_startTimestamp).Ticks * Speed));

    /// <inheritdoc />
    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => _startTimestamp + (long)((_real.GetTimestamp() - _startTimestamp) * Speed);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Speed)));
}
