using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Wilder's Average True Range, updated in O(1) per bar.
/// </summary>
/// <remarks>
/// <para>
/// True range is max(high, previous close) - min(low, previous close); the first bar has no
/// previous close, so its true range is high - low. The first ATR is the simple average of the
/// first <see cref="Period"/> true ranges (including that first bar), and each later one is
/// <c>(ATR * (period - 1) + TR) / period</c>. This matches Wilder's worksheet and QuantConnect Lean;
/// libraries that skip the first bar's TR (Stock.Indicators) start one bar later and converge to
/// the same values as the seed decays.
/// </para>
/// <para>Computed in <see cref="decimal"/>. Not thread-safe.</para>
/// </remarks>
public sealed class AverageTrueRange
{
    private decimal _previousClose;
    private decimal _seedSum;

    /// <summary>Creates an ATR of <paramref name="period"/>.</summary>
    /// <param name="period">How many true ranges the average covers; at least 1. Wilder used 14.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 1.</exception>
    public AverageTrueRange(int period = 14)
    {
        if (period < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "An ATR period must be at least 1.");
        }

        Period = period;
    }

    /// <summary>How many true ranges the average covers.</summary>
    public int Period { get; }

    /// <summary>Bars seen since construction or the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Whether <see cref="Period"/> bars have been seen, so <see cref="Value"/> is defined.</summary>
    public bool IsReady => Count >= Period;

    /// <summary>The true range of the latest bar; 0 before the first bar.</summary>
    public decimal TrueRange { get; private set; }

    /// <summary>The ATR; 0 until <see cref="IsReady"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>Adds the next bar.</summary>
    /// <param name="bar">The next bar of the instrument.</param>
    /// <exception cref="ArgumentException">The bar's high is below its low.</exception>
    public void Update(in Bar bar)
    {
        if (bar.High < bar.Low)
        {
            throw new ArgumentException($"A bar's high ({bar.High}) cannot be below its low ({bar.Low}).", nameof(bar));
        }

        TrueRange = Count == 0
            ? bar.High - bar.Low
            : Math.Max(bar.High, _previousClose) - Math.Min(bar.Low, _previousClose);
        _previousClose = bar.Close;
        Count++;

        if (Count < Period)
        {
            _seedSum += TrueRange;
        }
        else if (Count == Period)
        {
            Value = (_seedSum + TrueRange) / Period;
        }
        else
        {
            Value = ((Value * (Period - 1)) + TrueRange) / Period;
        }
    }

    /// <summary>Forgets every bar, as if newly constructed.</summary>
    public void Reset()
    {
        _previousClose = 0m;
        _seedSum = 0m;
        Count = 0;
        TrueRange = 0m;
        Value = 0m;
    }
}
