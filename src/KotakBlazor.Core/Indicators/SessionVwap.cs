using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Indicators;

/// <summary>
/// Volume-weighted average price since the start of the current IST trading day, updated in O(1)
/// from bars or ticks. It starts again when the IST date of an update differs from the session's,
/// so yesterday's VWAP is never shown as today's.
/// </summary>
/// <remarks>
/// <para>
/// Bars contribute their typical price (high + low + close) / 3 times their volume, the usual
/// convention for bar-built VWAP (StockCharts, Stock.Indicators).
/// </para>
/// <para>
/// Ticks contribute their last price times the increase in the day's cumulative
/// <see cref="Tick.Volume"/> since the previous tick of the session. Cumulative volume is used rather
/// than <see cref="Tick.LastQuantity"/> because a feed repeats the last quantity on ticks that only
/// change the quote, which would count the same trade twice. The first tick of a session counts its
/// whole cumulative volume at its price: right when the feed starts before the open (the pre-open
/// auction volume was traded at about the opening price), an approximation when it starts mid-day.
/// A tick whose cumulative volume went backwards (out of order, or a feed restart) is ignored.
/// Feed one instance either bars or ticks, not both.
/// </para>
/// <para>
/// Updates with zero volume leave the value unchanged. An update from a new IST date starts the new
/// session even when its volume is zero, so <see cref="IsReady"/> is false until the new day trades.
/// Sums are <see cref="decimal"/>. Not thread-safe.
/// </para>
/// </remarks>
public sealed class SessionVwap
{
    private decimal _priceVolume;
    private long _lastCumulativeVolume;
    private bool _hasSession;

    /// <summary>The IST date of the current session; <see langword="default"/> before the first update.</summary>
    public DateOnly SessionDate { get; private set; }

    /// <summary>Bars or ticks seen in the current session.</summary>
    public long Count { get; private set; }

    /// <summary>Volume traded in the current session so far.</summary>
    public long Volume { get; private set; }

    /// <summary>Whether the session has traded any volume, so <see cref="Value"/> is defined.</summary>
    public bool IsReady => Volume > 0;

    /// <summary>The session VWAP; 0 until <see cref="IsReady"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>Adds a bar; its IST date is taken from <see cref="Bar.Start"/>.</summary>
    /// <param name="bar">The next bar of the instrument.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bar's volume is negative.</exception>
    public void Update(in Bar bar)
    {
        if (bar.Volume < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bar), bar.Volume, "A bar's volume cannot be negative.");
        }

        StartSessionIfNewDay(bar.Start);
        Count++;
        if (bar.Volume == 0)
        {
            return;
        }

        var typicalPrice = (bar.High + bar.Low + bar.Close) / 3m;
        Accumulate(typicalPrice, bar.Volume);
    }

    /// <summary>Adds a tick; its IST date is taken from <see cref="Tick.ExchangeTime"/>.</summary>
    /// <param name="tick">The next tick of the instrument.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tick's cumulative volume is negative.</exception>
    public void Update(in Tick tick)
    {
        if (tick.Volume < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick.Volume, "A tick's cumulative volume cannot be negative.");
        }

        StartSessionIfNewDay(tick.ExchangeTime);
        Count++;
        var traded = tick.Volume - _lastCumulativeVolume;
        if (traded <= 0)
        {
            return;
        }

        _lastCumulativeVolume = tick.Volume;
        Accumulate(tick.LastPrice, traded);
    }

    /// <summary>Forgets the session, as if newly constructed.</summary>
    public void Reset()
    {
        _hasSession = false;
        SessionDate = default;
        ClearSession();
    }

    private void StartSessionIfNewDay(DateTimeOffset time)
    {
        var date = IndianMarketTime.IstDate(time);
        if (_hasSession && date == SessionDate)
        {
            return;
        }

        _hasSession = true;
        SessionDate = date;
        ClearSession();
    }

    private void ClearSession()
    {
        _priceVolume = 0m;
        _lastCumulativeVolume = 0;
        Count = 0;
        Volume = 0;
        Value = 0m;
    }

    private void Accumulate(decimal price, long volume)
    {
        _priceVolume += price * volume;
        Volume += volume;
        Value = _priceVolume / Volume;
    }
}
