using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Web.Components.Market;

namespace KotakBlazor.Web.Tests.Components;

public sealed class ChartOverlaysTests
{
    private static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);
    private static readonly DateTimeOffset Open = new(2025, 11, 20, 3, 45, 0, TimeSpan.Zero);

    [Fact]
    public void A_forming_bar_previews_exactly_the_values_it_gets_when_it_closes()
    {
        var overlays = new ChartOverlays();
        var bars = Bars(60).ToList();
        overlays.Reset(bars.Take(10), forming: null);

        foreach (var bar in bars.Skip(10))
        {
            var preview = overlays.Preview(in bar);
            var closed = overlays.Close(in bar);
            Assert.Equal(closed.Vwap!.Value.Time, preview.Vwap!.Value.Time);
            Assert.Equal(closed.Vwap.Value.Value, preview.Vwap.Value.Value, 20);
            if (closed.Ema is { } ema)
            {
                Assert.Equal(ema.Value, preview.Ema!.Value.Value, 20);
            }
        }
    }

    [Fact]
    public void The_lines_are_the_core_indicators_and_a_bar_is_never_counted_twice()
    {
        var bars = Bars(40).ToList();
        var ema = new ExponentialMovingAverage(ChartOverlays.EmaPeriod);
        var vwap = new SessionVwap();
        foreach (var bar in bars)
        {
            ema.Update(bar.Close);
            vwap.Update(in bar);
        }

        var overlays = new ChartOverlays();
        var (emaLine, vwapLine) = overlays.Reset(bars, forming: null);
        var again = overlays.Close(bars[^1]);

        Assert.Equal(40 - ChartOverlays.EmaPeriod + 1, emaLine.Count);
        Assert.Equal(ema.Value, emaLine[^1].Value);
        Assert.Equal(vwap.Value, vwapLine[^1].Value);
        Assert.Equal(bars[^1].Start.ToUnixTimeSeconds(), emaLine[^1].Time);
        Assert.Equal(default, again);
    }

    private static IEnumerable<Bar> Bars(int count)
    {
        var price = 1500m;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price += (i % 7) - 3 + (i % 3 * 0.35m);
            yield return new Bar(Reliance, Timeframe.OneMinute, Open.AddMinutes(i), open, Math.Max(open, price) + 1.2m, Math.Min(open, price) - 0.8m, price, 1000 + (i * 37), 10);
        }
    }
}
