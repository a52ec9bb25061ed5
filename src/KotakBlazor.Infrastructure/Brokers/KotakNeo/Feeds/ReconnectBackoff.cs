namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// Exponential waits between connection attempts: initial, 2x, 4x, ... capped. Jitter takes up
/// to a fraction off each wait, never adds to it, so the cap holds.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _jitter;
    private readonly Random _random;
    private int _failures;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter = 0, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1d);
        _initial = initial;
        _max = max;
        _jitter = jitter;
        _random = random ?? Random.Shared;
    }

    /// <summary>The wait before the next attempt; each call counts one more failure.</summary>
    public TimeSpan Next()
    {
        // Doubling past 2^30 would overflow long before any sane cap is reached.
        var factor = Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        var ticks = Math.Min(_initial.Ticks * factor, _max.Ticks);
        var jittered = _jitter > 0 ? ticks * (1 - (_jitter * _random.NextDouble())) : ticks;
        return TimeSpan.FromTicks((long)jittered);
    }

    /// <summary>A connection succeeded: the next failure starts from the initial wait again.</summary>
    public void Reset() => _failures = 0;
}
