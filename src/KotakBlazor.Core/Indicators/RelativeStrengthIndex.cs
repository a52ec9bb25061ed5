namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Wilder's Relative Strength Index, updated in O(1): 100 - 100 / (1 + average gain / average loss).
/// </summary>
/// <remarks>
/// <para>
/// The first average gain and loss are the simple averages of the first <see cref="Period"/>
/// changes (so the first RSI needs <see cref="Period"/> + 1 values); after that each average is
/// smoothed the Wilder way, <c>avg = (avg * (period - 1) + latest) / period</c>. This is Wilder's
/// 1978 definition, used by StockCharts, TA-Lib and QuantConnect Lean.
/// </para>
/// <para>
/// Edge cases, where the ratio is undefined: only gains (average loss 0) gives 100; no movement
/// at all (both averages 0) gives 50, the neutral reading, rather than a division by zero.
/// </para>
/// <para>Computed in <see cref="decimal"/>. Not thread-safe.</para>
/// </remarks>
public sealed class RelativeStrengthIndex
{
    private decimal _previous;
    private decimal _averageGain;
    private decimal _averageLoss;

    /// <summary>Creates an RSI of <paramref name="period"/>.</summary>
    /// <param name="period">How many changes the averages cover; at least 1. Wilder used 14.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 1.</exception>
    public RelativeStrengthIndex(int period = 14)
    {
        if (period < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "An RSI period must be at least 1.");
        }

        Period = period;
    }

    /// <summary>How many changes the averages cover.</summary>
    public int Period { get; }

    /// <summary>Values (not changes) seen since construction or the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Whether <see cref="Period"/> changes (<see cref="Period"/> + 1 values) have been seen.</summary>
    public bool IsReady => Count > Period;

    /// <summary>The RSI, 0 to 100; 0 until <see cref="IsReady"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>Wilder's smoothed average gain; 0 until <see cref="IsReady"/>.</summary>
    public decimal AverageGain => IsReady ? _averageGain : 0m;

    /// <summary>Wilder's smoothed average loss (a positive number); 0 until <see cref="IsReady"/>.</summary>
    public decimal AverageLoss => IsReady ? _averageLoss : 0m;

    /// <summary>Adds the next value.</summary>
    /// <param name="value">The next value of the series (usually a close).</param>
    public void Update(decimal value)
    {
        Count++;
        if (Count == 1)
        {
            _previous = value;
            return;
        }

        var change = value - _previous;
        _previous = value;
        var gain = change > 0m ? change : 0m;
        var loss = change < 0m ? -change : 0m;

        if (Count <= Period)
        {
            // Still collecting the seed: the averages hold running sums until then.
            _averageGain += gain;
            _averageLoss += loss;
            return;
        }

        if (Count == Period + 1)
        {
            _averageGain = (_averageGain + gain) / Period;
            _averageLoss = (_averageLoss + loss) / Period;
        }
        else
        {
            _averageGain = ((_averageGain * (Period - 1)) + gain) / Period;
            _averageLoss = ((_averageLoss * (Period - 1)) + loss) / Period;
        }

        Value = _averageLoss == 0m
            ? (_averageGain == 0m ? 50m : 100m)
            : 100m - (100m / (1m + (_averageGain / _averageLoss)));
    }

    /// <summary>Forgets every value, as if newly constructed.</summary>
    public void Reset()
    {
        _previous = 0m;
        _averageGain = 0m;
        _averageLoss = 0m;
        Count = 0;
        Value = 0m;
    }
}
