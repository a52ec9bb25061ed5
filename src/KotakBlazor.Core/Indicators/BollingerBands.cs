namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Bollinger Bands: a simple moving average with bands <see cref="K"/> standard deviations above and
/// below it, plus bandwidth, %B and the z-score of the latest value. O(1) per update from a ring
/// buffer, a running sum and a running sum of squares.
/// </summary>
/// <remarks>
/// <para>
/// The standard deviation is the population one (divide by N, not N - 1), as in Bollinger's
/// definition, StockCharts, TA-Lib and Stock.Indicators.
/// </para>
/// <para>
/// Precision: the sums are <see cref="decimal"/>, and the variance is formed as
/// (N * sum of squares - sum²) / N², whose numerator is exact for prices with up to about
/// 8 decimal places, so there is no catastrophic cancellation; a negative numerator from rounding
/// in longer inputs is clamped to 0. The square root starts from <see cref="Math.Sqrt(double)"/> and
/// is refined by one Newton step in <see cref="decimal"/>, giving well over 15 significant digits.
/// </para>
/// <para>
/// When all values in the window are equal the bands collapse onto the middle: %B is then 0.5 and
/// the z-score 0 (neutral readings instead of a division by zero). Not thread-safe.
/// </para>
/// </remarks>
public sealed class BollingerBands
{
    private readonly decimal[] _window;
    private decimal _sum;
    private decimal _sumOfSquares;
    private int _next;

    /// <summary>Creates Bollinger Bands over <paramref name="period"/> values, <paramref name="k"/> deviations wide.</summary>
    /// <param name="period">How many values the average and deviation cover; at least 2, as one value has no spread.</param>
    /// <param name="k">How many standard deviations the bands sit from the middle; greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 2, or <paramref name="k"/> is not positive.</exception>
    public BollingerBands(int period = 20, decimal k = 2m)
    {
        if (period < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A Bollinger period must be at least 2.");
        }

        if (k <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The band width in standard deviations must be greater than 0.");
        }

        Period = period;
        K = k;
        _window = new decimal[period];
    }

    /// <summary>How many values the bands cover.</summary>
    public int Period { get; }

    /// <summary>How many standard deviations the bands sit from the middle.</summary>
    public decimal K { get; }

    /// <summary>Values seen since construction or the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Whether <see cref="Period"/> values have been seen, so the bands are defined.</summary>
    public bool IsReady => Count >= Period;

    /// <summary>The most recent value passed to <see cref="Update"/>.</summary>
    public decimal Latest { get; private set; }

    /// <summary>The middle band: the SMA of the window. 0 until <see cref="IsReady"/>.</summary>
    public decimal Middle { get; private set; }

    /// <summary>The population standard deviation of the window. 0 until <see cref="IsReady"/>.</summary>
    public decimal StandardDeviation { get; private set; }

    /// <summary>Middle + K x standard deviation. 0 until <see cref="IsReady"/>.</summary>
    public decimal Upper => Middle + (K * StandardDeviation);

    /// <summary>Middle - K x standard deviation. 0 until <see cref="IsReady"/>.</summary>
    public decimal Lower => Middle - (K * StandardDeviation);

    /// <summary>
    /// (Upper - Lower) / Middle, as a ratio (StockCharts plots it times 100). 0 until
    /// <see cref="IsReady"/> or when the middle is 0.
    /// </summary>
    public decimal Bandwidth => Middle == 0m ? 0m : (Upper - Lower) / Middle;

    /// <summary>
    /// Where the latest value sits between the bands: (latest - Lower) / (Upper - Lower); 0 at the
    /// lower band, 1 at the upper, 0.5 when the bands have collapsed. 0 until <see cref="IsReady"/>.
    /// </summary>
    public decimal PercentB
    {
        get
        {
            if (!IsReady)
            {
                return 0m;
            }

            var width = Upper - Lower;
            return width == 0m ? 0.5m : (Latest - Lower) / width;
        }
    }

    /// <summary>
    /// The z-score of the latest value: (latest - mean) / population standard deviation of the
    /// window. 0 until <see cref="IsReady"/> or when the deviation is 0.
    /// </summary>
    public decimal ZScore => StandardDeviation == 0m ? 0m : (Latest - Middle) / StandardDeviation;

    /// <summary>Adds the next value.</summary>
    /// <param name="value">The next value of the series (usually a close).</param>
    public void Update(decimal value)
    {
        var leaving = _window[_next];
        _sum += value - leaving;
        _sumOfSquares += (value * value) - (leaving * leaving);
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        Count++;
        Latest = value;
        if (!IsReady)
        {
            return;
        }

        decimal n = Period;
        Middle = _sum / n;
        var numerator = (n * _sumOfSquares) - (_sum * _sum);
        StandardDeviation = numerator <= 0m ? 0m : SquareRoot(numerator / (n * n));
    }

    /// <summary>Forgets every value, as if newly constructed.</summary>
    public void Reset()
    {
        Array.Clear(_window);
        _sum = 0m;
        _sumOfSquares = 0m;
        _next = 0;
        Count = 0;
        Latest = 0m;
        Middle = 0m;
        StandardDeviation = 0m;
    }

    private static decimal SquareRoot(decimal value)
    {
        var estimate = (decimal)Math.Sqrt((double)value);
        return estimate == 0m ? 0m : (estimate + (value / estimate)) / 2m;
    }
}
