using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.MarketData.Bars;

/// <summary>
/// Builds bars of one timeframe for one instrument from its ticks. Intervals are aligned to the
/// 09:15 IST session open, as NSE charts are (3-minute bars start 09:15, 09:18, ...), and a new
/// IST day always starts a new bar. A bar closes when the first tick of a later interval
/// arrives; intervals without ticks produce no bar. Single-threaded.
/// </summary>
public sealed class BarAggregator
{
    private static readonly long SessionOpenTicks = IndianMarketTime.SessionOpen.ToTimeSpan().Ticks;

    private bool _hasBar;
    private Bar _forming;
    private long _dayVolume;
    private long _istDay = long.MinValue;

    /// <summary>Creates an aggregator for <paramref name="instrument"/>.</summary>
    public BarAggregator(InstrumentId instrument, Timeframe timeframe)
    {
        if (timeframe.Minutes < 1)
        {
            throw new ArgumentException("The timeframe is empty.", nameof(timeframe));
        }

        Instrument = instrument;
        Timeframe = timeframe;
    }

    /// <summary>The instrument.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>The bar length.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>The bar being built, if any tick arrived yet.</summary>
    public bool TryGetForming(out Bar bar)
    {
        bar = _forming;
        return _hasBar;
    }

    /// <summary>
    /// Adds a tick. Returns true, with the finished bar in <paramref name="closed"/>, when the
    /// tick starts a new interval. A tick older than the forming bar is ignored (ingestion
    /// already drops late ticks).
    /// </summary>
    /// <remarks>
    /// Bar volume is the rise of the tick's cumulative day volume. The first tick of a day (or
    /// after a restart) adds only its last quantity: the volume before it happened before we
    /// were watching. Ticks without volume (volume 0) add their last quantity.
    /// </remarks>
    /// <exception cref="ArgumentException">The tick is for another instrument.</exception>
    public bool Update(in Tick tick, out Bar closed)
    {
        if (tick.Instrument != Instrument)
        {
            throw new ArgumentException($"Tick for {tick.Instrument} given to the {Instrument} {Timeframe} aggregator.", nameof(tick));
        }

        closed = default;
        var start = BarStart(tick.ExchangeTime, Timeframe);
        var istDay = (tick.ExchangeTime.UtcTicks + IndianMarketTime.Offset.Ticks) / TimeSpan.TicksPerDay;

        if (_hasBar && start < _forming.Start)
        {
            return false;
        }

        var volume = VolumeOf(in tick, istDay);
        var price = tick.LastPrice;
        if (_hasBar && start == _forming.Start)
        {
            _forming = _forming with
            {
                High = Math.Max(_forming.High, price),
                Low = Math.Min(_forming.Low, price),
                Close = price,
                Volume = _forming.Volume + volume,
                TickCount = _forming.TickCount + 1,
            };
            return false;
        }

        var hadBar = _hasBar;
        closed = _forming;
        _forming = new Bar(Instrument, Timeframe, start, price, price, price, price, volume, 1);
        _hasBar = true;
        return hadBar;
    }

    /// <summary>
    /// Folds a finished bar of a shorter timeframe (a stored 1-minute bar) into this timeframe:
    /// how strategies are warmed up from stored history. True, with the bar in
    /// <paramref name="closed"/>, when it closed a bar.
    /// </summary>
    /// <exception cref="ArgumentException">The bar is for another instrument or a longer timeframe.</exception>
    public bool Update(in Bar shorter, out Bar closed)
    {
        if (shorter.Instrument != Instrument || shorter.Timeframe.Minutes > Timeframe.Minutes)
        {
            throw new ArgumentException($"A {shorter.Timeframe} bar of {shorter.Instrument} cannot feed the {Instrument} {Timeframe} aggregator.", nameof(shorter));
        }

        closed = default;
        var start = BarStart(shorter.Start, Timeframe);
        if (_hasBar && start < _forming.Start)
        {
            return false;
        }

        if (_hasBar && start == _forming.Start)
        {
            _forming = _forming with
            {
                High = Math.Max(_forming.High, shorter.High),
                Low = Math.Min(_forming.Low, shorter.Low),
                Close = shorter.Close,
                Volume = _forming.Volume + shorter.Volume,
                TickCount = _forming.TickCount + shorter.TickCount,
            };
            return false;
        }

        var hadBar = _hasBar;
        closed = _forming;
        _forming = shorter with { Timeframe = Timeframe, Start = start };
        _hasBar = true;
        return hadBar;
    }

    /// <summary>
    /// The start of the bar that contains <paramref name="time"/>: the grid is anchored at the
    /// 09:15 IST open (so 3-minute bars start 09:15, 09:18, ...); before the open it runs
    /// backwards from it, clamped at IST midnight so a bar never spans two days.
    /// </summary>
    public static DateTimeOffset BarStart(DateTimeOffset time, Timeframe timeframe)
    {
        var intervalTicks = timeframe.Duration.Ticks;
        var istTicks = time.UtcTicks + IndianMarketTime.Offset.Ticks;
        var midnight = istTicks / TimeSpan.TicksPerDay * TimeSpan.TicksPerDay;
        var sinceOpen = istTicks - midnight - SessionOpenTicks;
        var intervals = Math.DivRem(sinceOpen, intervalTicks, out var rest) - (rest < 0 ? 1 : 0);
        var startIst = Math.Max(midnight, midnight + SessionOpenTicks + (intervals * intervalTicks));
        return new DateTimeOffset(startIst - IndianMarketTime.Offset.Ticks, TimeSpan.Zero);
    }

    private long VolumeOf(in Tick tick, long istDay)
    {
        if (tick.Volume == 0)
        {
            return tick.LastQuantity;
        }

        if (istDay != _istDay || tick.Volume < _dayVolume)
        {
            _istDay = istDay;
            _dayVolume = tick.Volume;
            return tick.LastQuantity;
        }

        var delta = tick.Volume - _dayVolume;
        _dayVolume = tick.Volume;
        return delta;
    }
}
