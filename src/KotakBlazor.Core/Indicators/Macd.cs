namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Moving Average Convergence/Divergence, updated in O(1): the MACD line is EMA(fast) - EMA(slow),
/// the signal line is an EMA of the MACD line, and the histogram is their difference.
/// </summary>
/// <remarks>
/// <para>
/// Seeding: each of the three EMAs is seeded by the simple average of its own first inputs (see
/// <see cref="ExponentialMovingAverage"/>). The fast and slow EMAs both start at the first value,
/// so the MACD line exists from value number <c>slow</c>; the signal EMA is fed the MACD line from
/// then on, so the signal and histogram exist from value number <c>slow + signal - 1</c>. This is
/// the StockCharts convention and the one Stock.Indicators and QuantConnect Lean publish.
/// TA-Lib differs: it delays the fast EMA's start so both EMAs seed on the same bar, which changes
/// the early values.
/// </para>
/// <para>Computed in <see cref="decimal"/>. Not thread-safe.</para>
/// </remarks>
public sealed class Macd
{
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly ExponentialMovingAverage _signal;

    /// <summary>Creates a MACD(<paramref name="fast"/>, <paramref name="slow"/>, <paramref name="signal"/>).</summary>
    /// <param name="fast">The fast EMA period; at least 1.</param>
    /// <param name="slow">The slow EMA period; greater than <paramref name="fast"/>.</param>
    /// <param name="signal">The signal EMA period; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is less than 1, or <paramref name="slow"/> is not greater than <paramref name="fast"/>.</exception>
    public Macd(int fast = 12, int slow = 26, int signal = 9)
    {
        if (fast < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fast), fast, "The fast EMA period must be at least 1.");
        }

        if (slow <= fast)
        {
            throw new ArgumentOutOfRangeException(nameof(slow), slow, $"The slow EMA period must be greater than the fast one ({fast}).");
        }

        if (signal < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(signal), signal, "The signal EMA period must be at least 1.");
        }

        _fast = new ExponentialMovingAverage(fast);
        _slow = new ExponentialMovingAverage(slow);
        _signal = new ExponentialMovingAverage(signal);
    }

    /// <summary>The fast EMA period.</summary>
    public int FastPeriod => _fast.Period;

    /// <summary>The slow EMA period.</summary>
    public int SlowPeriod => _slow.Period;

    /// <summary>The signal EMA period.</summary>
    public int SignalPeriod => _signal.Period;

    /// <summary>Values seen since construction or the last <see cref="Reset"/>.</summary>
    public long Count => _slow.Count;

    /// <summary>Whether the MACD line is defined (the slow EMA is seeded).</summary>
    public bool IsLineReady => _slow.IsReady;

    /// <summary>Whether the MACD line, signal and histogram are all defined.</summary>
    public bool IsReady => _signal.IsReady;

    /// <summary>The MACD line, EMA(fast) - EMA(slow); 0 until <see cref="IsLineReady"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>The signal line, an EMA of the MACD line; 0 until <see cref="IsReady"/>.</summary>
    public decimal Signal => _signal.Value;

    /// <summary>MACD line - signal line; 0 until <see cref="IsReady"/>.</summary>
    public decimal Histogram => IsReady ? Value - _signal.Value : 0m;

    /// <summary>The fast EMA; 0 until it is seeded.</summary>
    public decimal FastEma => _fast.Value;

    /// <summary>The slow EMA; 0 until it is seeded.</summary>
    public decimal SlowEma => _slow.Value;

    /// <summary>Adds the next value.</summary>
    /// <param name="value">The next value of the series (usually a close).</param>
    public void Update(decimal value)
    {
        _fast.Update(value);
        _slow.Update(value);
        if (!_slow.IsReady)
        {
            return;
        }

        Value = _fast.Value - _slow.Value;
        _signal.Update(Value);
    }

    /// <summary>Forgets every value, as if newly constructed.</summary>
    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        Value = 0m;
    }
}
