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

    private readonly long _intervalTicks;
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
        _intervalTicks = timeframe.Duration.Ticks;
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
        var istTicks = tick.ExchangeTime.UtcTicks + IndianMarketTime.Offset.Ticks;
        var istDay = istTicks / TimeSpan.TicksPerDay;
        var midnight = istDay * TimeSpan.TicksPerDay;
        var sinceOpen = istTicks - midnight - SessionOpenTicks;
        var intervals = Math.DivRem(sinceOpen, _intervalTicks, out var rest) - (rest < 0 ? 1 : 0);

        // Before 09:15 the grid runs backwards from the open; clamped at midnight so a bar never spans two IST days.
        var startIst = Math.Max(midnight, midnight + SessionOpenTicks + (intervals * _intervalTicks));
        var start = new DateTimeOffset(startIst - IndianMarketTime.Offset.Ticks, TimeSpan.Zero);

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
