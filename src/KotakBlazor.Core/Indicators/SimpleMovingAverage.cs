namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Simple moving average of the last <see cref="Period"/> values, updated in O(1) from a ring
/// buffer and a running sum. The sum is kept in <see cref="decimal"/>, so adding and removing
/// prices is exact and the average cannot drift however long it runs.
/// </summary>
/// <remarks>Not thread-safe: one instance per series, updated from one thread.</remarks>
public sealed class SimpleMovingAverage
{
    private readonly decimal[] _window;
    private decimal _sum;
    private int _next;

    /// <summary>Creates an SMA over <paramref name="period"/> values.</summary>
    /// <param name="period">How many values to average; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 1.</exception>
    public SimpleMovingAverage(int period)
    {
        if (period < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "An SMA period must be at least 1.");
        }

        Period = period;
        _window = new decimal[period];
    }

    /// <summary>How many values the average covers.</summary>
    public int Period { get; }

    /// <summary>Values seen since construction or the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Whether <see cref="Period"/> values have been seen, so <see cref="Value"/> is defined.</summary>
    public bool IsReady => Count >= Period;

    /// <summary>The average of the last <see cref="Period"/> values; 0 until <see cref="IsReady"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>Adds the next value.</summary>
    /// <param name="value">The next value of the series (usually a close).</param>
    public void Update(decimal value)
    {
        // Before the window is full the slot holds 0, so subtracting it is harmless.
        _sum += value - _window[_next];
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        Count++;
        Value = IsReady ? _sum / Period : 0m;
    }

    /// <summary>Forgets every value, as if newly constructed.</summary>
    public void Reset()
    {
        Array.Clear(_window);
        _sum = 0m;
        _next = 0;
        Count = 0;
        Value = 0m;
    }
}
