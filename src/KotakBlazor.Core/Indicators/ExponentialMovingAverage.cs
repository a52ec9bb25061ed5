namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Exponential moving average with smoothing factor alpha = 2 / (period + 1), updated in O(1).
/// </summary>
/// <remarks>
/// <para>
/// Seeding: the first value is the simple average of the first <see cref="Period"/> inputs, and
/// each later value is <c>EMA + alpha * (x - EMA)</c>. This is the convention of StockCharts,
/// TA-Lib's EMA and most charting packages; seeding with the first input instead gives different
/// numbers for roughly 3 x period bars.
/// </para>
/// <para>Computed in <see cref="decimal"/> (about 28 significant digits). Not thread-safe.</para>
/// </remarks>
public sealed class ExponentialMovingAverage
{
    private readonly decimal _alpha;
    private decimal _seedSum;

    /// <summary>Creates an EMA of <paramref name="period"/>.</summary>
    /// <param name="period">The EMA period; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 1.</exception>
    public ExponentialMovingAverage(int period)
    {
        if (period < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "An EMA period must be at least 1.");
        }

        Period = period;
        _alpha = 2m / (period + 1);
    }

    /// <summary>The EMA period.</summary>
    public int Period { get; }

    /// <summary>The smoothing factor, 2 / (period + 1).</summary>
    public decimal Alpha => _alpha;

    /// <summary>Values seen since construction or the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Whether the seed average over the first <see cref="Period"/> values exists.</summary>
    public bool IsReady => Count >= Period;

    /// <summary>The current EMA; 0 until <see cref="IsReady"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>Adds the next value.</summary>
    /// <param name="value">The next value of the series.</param>
    public void Update(decimal value)
    {
        Count++;
        if (Count < Period)
        {
            _seedSum += value;
            return;
        }

        if (Count == Period)
        {
            Value = (_seedSum + value) / Period;
            return;
        }

        Value += _alpha * (value - Value);
    }

    /// <summary>Forgets every value, as if newly constructed.</summary>
    public void Reset()
    {
        _seedSum = 0m;
        Count = 0;
        Value = 0m;
    }
}
