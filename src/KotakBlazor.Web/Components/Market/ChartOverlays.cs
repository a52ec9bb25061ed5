using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Components.Market;

/// <summary>
/// The chart's indicator lines for one instrument: EMA 20 of the close and the session VWAP,
/// from 1-minute candles with the Core indicators. Closed bars move the indicators on for good;
/// the forming bar only previews where they would be if it closed now, so the line's last point
/// follows the price without a closed bar ever being counted twice.
/// </summary>
internal sealed class ChartOverlays
{
    public const int EmaPeriod = 20;

    private readonly ExponentialMovingAverage _ema = new(EmaPeriod);
    private readonly SessionVwap _vwap = new();

    // The closes the EMA seeds on, so the bar that completes the seed can be previewed too.
    private decimal _seedSum;

    /// <summary>The start of the last closed bar taken in; bars up to it are ignored.</summary>
    public DateTimeOffset LastClosed { get; private set; }

    /// <summary>Starts again from <paramref name="bars"/> (oldest first); <paramref name="forming"/> is previewed, not taken in.</summary>
    public (List<ChartPoint> Ema, List<ChartPoint> Vwap) Reset(IEnumerable<Bar> closedBars, Bar? forming)
    {
        _ema.Reset();
        _vwap.Reset();
        _seedSum = 0m;
        LastClosed = default;
        var ema = new List<ChartPoint>();
        var vwap = new List<ChartPoint>();
        foreach (var bar in closedBars)
        {
            Add(Close(bar), ema, vwap);
        }

        if (forming is { } open)
        {
            Add(Preview(open), ema, vwap);
        }

        return (ema, vwap);
    }

    /// <summary>Takes a closed bar in; nothing when it is not newer than the last one.</summary>
    public OverlayUpdate Close(in Bar bar)
    {
        if (bar.Start <= LastClosed)
        {
            return default;
        }

        LastClosed = bar.Start;
        if (!_ema.IsReady)
        {
            _seedSum += bar.Close;
        }

        _ema.Update(bar.Close);
        _vwap.Update(in bar);
        var time = bar.Start.ToUnixTimeSeconds();
        return new OverlayUpdate(
            _ema.IsReady ? new ChartPoint(time, _ema.Value) : null,
            _vwap.IsReady ? new ChartPoint(time, _vwap.Value) : null);
    }

    /// <summary>Where the lines would be if the forming bar closed now.</summary>
    public OverlayUpdate Preview(in Bar bar)
    {
        var time = bar.Start.ToUnixTimeSeconds();
        ChartPoint? ema = _ema.IsReady
            ? new ChartPoint(time, _ema.Value + (_ema.Alpha * (bar.Close - _ema.Value)))
            : _ema.Count == EmaPeriod - 1 ? new ChartPoint(time, (_seedSum + bar.Close) / EmaPeriod) : null;

        var typical = (bar.High + bar.Low + bar.Close) / 3m;
        var sameSession = _vwap.Count > 0 && IndianMarketTime.IstDate(bar.Start) == _vwap.SessionDate;
        var volume = (sameSession ? _vwap.Volume : 0) + bar.Volume;
        var priceVolume = (sameSession ? _vwap.Value * _vwap.Volume : 0m) + (typical * bar.Volume);
        ChartPoint? vwap = volume > 0 ? new ChartPoint(time, priceVolume / volume) : null;
        return new OverlayUpdate(ema, vwap);
    }

    private static void Add(OverlayUpdate update, List<ChartPoint> ema, List<ChartPoint> vwap)
    {
        if (update.Ema is { } e)
        {
            ema.Add(e);
        }

        if (update.Vwap is { } v)
        {
            vwap.Add(v);
        }
    }

    /// <summary>A point of a line as the chart module takes it: Unix seconds (UTC) and a value.</summary>
    public readonly record struct ChartPoint(long Time, decimal Value);

    /// <summary>The latest point of each line; null where the indicator has no value yet.</summary>
    public readonly record struct OverlayUpdate(ChartPoint? Ema, ChartPoint? Vwap);
}
