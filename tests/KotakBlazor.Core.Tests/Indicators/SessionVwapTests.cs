using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class SessionVwapTests
{
    private static readonly DateOnly Monday = TestTicks.TradingDay;
    private static readonly DateOnly Tuesday = TestTicks.TradingDay.AddDays(1);

    [Fact]
    public void Matches_stock_indicators_vwap_over_one_session_of_minute_bars()
    {
        var bars = IntradayBars();
        var expected = IndicatorTestData.SkenderExpected("vwap");
        var vwap = new SessionVwap();
        var mismatches = new List<string>();

        for (var i = 0; i < 391; i++)
        {
            vwap.Update(bars[i]);
            Assert.True(vwap.IsReady);
            foreach (var (index, field, value, tolerance) in expected.Where(e => e.Index == i))
            {
                IndicatorTestData.Check(mismatches, $"[{index}] {field}", value, vwap.Value, tolerance);
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(391, vwap.Count);
        Assert.Equal(new DateOnly(2020, 12, 15), vwap.SessionDate);
    }

    [Fact]
    public void Starts_again_when_the_ist_date_changes()
    {
        var bars = IntradayBars();
        var vwap = new SessionVwap();
        for (var i = 0; i < 391; i++)
        {
            vwap.Update(bars[i]);
        }

        var firstOfNextDay = bars[391];
        vwap.Update(firstOfNextDay);
        Assert.Equal(new DateOnly(2020, 12, 16), vwap.SessionDate);
        Assert.Equal(1, vwap.Count);
        Assert.Equal(firstOfNextDay.Volume, vwap.Volume);
        Assert.Equal((firstOfNextDay.High + firstOfNextDay.Low + firstOfNextDay.Close) / 3m, vwap.Value, 20);

        // The rest of the second day gives what a fresh instance fed only that day gives.
        var fresh = new SessionVwap();
        fresh.Update(firstOfNextDay);
        for (var i = 392; i < bars.Count; i++)
        {
            vwap.Update(bars[i]);
            fresh.Update(bars[i]);
        }

        Assert.Equal(fresh.Value, vwap.Value, 20);
        Assert.Equal(10, vwap.Count);
    }

    [Fact]
    public void The_session_follows_the_ist_date_not_the_utc_date()
    {
        var vwap = new SessionVwap();

        // 20:00 UTC on the 24th is 01:30 IST on the 25th; 01:00 UTC on the 25th is 06:30 IST, the same IST day.
        vwap.Update(UtcBar(new DateTimeOffset(2025, 11, 24, 20, 0, 0, TimeSpan.Zero), 100m, 10));
        vwap.Update(UtcBar(new DateTimeOffset(2025, 11, 25, 1, 0, 0, TimeSpan.Zero), 200m, 30));
        Assert.Equal(new DateOnly(2025, 11, 25), vwap.SessionDate);
        Assert.Equal(175m, vwap.Value);

        // 18:29 UTC on the 25th is 23:59 IST; 18:31 UTC is 00:01 IST on the 26th, a new session.
        vwap.Update(UtcBar(new DateTimeOffset(2025, 11, 25, 18, 29, 0, TimeSpan.Zero), 300m, 10));
        Assert.Equal(new DateOnly(2025, 11, 25), vwap.SessionDate);
        vwap.Update(UtcBar(new DateTimeOffset(2025, 11, 25, 18, 31, 0, TimeSpan.Zero), 400m, 5));
        Assert.Equal(new DateOnly(2025, 11, 26), vwap.SessionDate);
        Assert.Equal(400m, vwap.Value);
    }

    [Fact]
    public void Uses_the_typical_price_of_bars()
    {
        var vwap = new SessionVwap();
        vwap.Update(IstBar(Monday, 9, 15, high: 103m, low: 97m, close: 103m, volume: 100)); // typical 101
        vwap.Update(IstBar(Monday, 9, 16, high: 110m, low: 104m, close: 107m, volume: 300)); // typical 107

        Assert.Equal(((101m * 100m) + (107m * 300m)) / 400m, vwap.Value);
        Assert.Equal(400, vwap.Volume);
    }

    [Fact]
    public void Zero_volume_leaves_the_value_alone_but_a_new_day_still_starts_a_new_session()
    {
        var vwap = new SessionVwap();
        vwap.Update(IstBar(Monday, 9, 15, high: 100m, low: 100m, close: 100m, volume: 0));
        Assert.False(vwap.IsReady);
        Assert.Equal(0m, vwap.Value);
        Assert.Equal(1, vwap.Count);

        vwap.Update(IstBar(Monday, 9, 16, high: 100m, low: 100m, close: 100m, volume: 50));
        vwap.Update(IstBar(Monday, 9, 17, high: 500m, low: 500m, close: 500m, volume: 0));
        Assert.Equal(100m, vwap.Value);
        Assert.Equal(50, vwap.Volume);

        vwap.Update(IstBar(Tuesday, 9, 15, high: 120m, low: 120m, close: 120m, volume: 0));
        Assert.Equal(Tuesday, vwap.SessionDate);
        Assert.False(vwap.IsReady);
        Assert.Equal(0m, vwap.Value);
    }

    [Fact]
    public void Ticks_count_the_rise_in_cumulative_volume_not_the_repeated_last_quantity()
    {
        var vwap = new SessionVwap();
        vwap.Update(TestTicks.At(TestTicks.Ist(9, 15), 100m, volume: 1_000, quantity: 1_000));

        // A quote-only update repeats the last quantity but the day's volume has not moved.
        vwap.Update(TestTicks.At(TestTicks.Ist(9, 15, 1), 101m, volume: 1_000, quantity: 1_000));
        Assert.Equal(100m, vwap.Value);

        vwap.Update(TestTicks.At(TestTicks.Ist(9, 15, 2), 102m, volume: 1_500, quantity: 500));
        Assert.Equal(((100m * 1_000m) + (102m * 500m)) / 1_500m, vwap.Value);

        // An out-of-order tick with a lower cumulative volume is ignored, and does not move the baseline.
        var before = vwap.Value;
        vwap.Update(TestTicks.At(TestTicks.Ist(9, 15, 3), 90m, volume: 1_200, quantity: 100));
        Assert.Equal(before, vwap.Value);
        vwap.Update(TestTicks.At(TestTicks.Ist(9, 15, 4), 104m, volume: 1_600, quantity: 100));
        Assert.Equal(((100m * 1_000m) + (102m * 500m) + (104m * 100m)) / 1_600m, vwap.Value);
        Assert.Equal(1_600, vwap.Volume);
        Assert.Equal(5, vwap.Count);
    }

    [Fact]
    public void Ticks_start_a_new_session_and_a_new_volume_baseline_on_a_new_ist_day()
    {
        var vwap = new SessionVwap();
        vwap.Update(TestTicks.At(TestTicks.Ist(Monday, 15, 29), 100m, volume: 9_000_000));
        vwap.Update(TestTicks.At(TestTicks.Ist(Tuesday, 9, 15), 110m, volume: 2_000));

        Assert.Equal(Tuesday, vwap.SessionDate);
        Assert.Equal(2_000, vwap.Volume);
        Assert.Equal(110m, vwap.Value);
    }

    [Fact]
    public void Reset_forgets_the_session()
    {
        var vwap = new SessionVwap();
        vwap.Update(IstBar(Monday, 9, 15, high: 100m, low: 100m, close: 100m, volume: 10));
        vwap.Reset();

        Assert.False(vwap.IsReady);
        Assert.Equal(default, vwap.SessionDate);
        Assert.Equal(0, vwap.Count);

        vwap.Update(IstBar(Monday, 9, 16, high: 200m, low: 200m, close: 200m, volume: 10));
        Assert.Equal(200m, vwap.Value);
    }

    [Fact]
    public void Rejects_negative_volumes_without_changing_state()
    {
        var vwap = new SessionVwap();
        vwap.Update(IstBar(Monday, 9, 15, high: 100m, low: 100m, close: 100m, volume: 10));

        Assert.Throws<ArgumentOutOfRangeException>(() => vwap.Update(IstBar(Monday, 9, 16, high: 1m, low: 1m, close: 1m, volume: -5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => vwap.Update(TestTicks.At(TestTicks.Ist(9, 17), 1m, volume: -1)));
        Assert.Equal(100m, vwap.Value);
        Assert.Equal(1, vwap.Count);
    }

    [Fact]
    public void Does_not_allocate_per_bar_or_tick()
    {
        var vwap = new SessionVwap();
        var bar = IstBar(Monday, 9, 15, high: 101m, low: 99m, close: 100m, volume: 10);
        var tick = TestTicks.At(TestTicks.Ist(9, 15), 100m, volume: 0);
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                vwap.Update(bar with { Close = 100m + (i % 7), Volume = 10 + (i % 5) });
            }

            for (var i = 0; i < 10_000; i++)
            {
                vwap.Update(tick with { LastPrice = 100m + (i % 7), Volume = 1 + i });
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(vwap.IsReady);
    }

    private static List<Bar> IntradayBars() =>
        IndicatorTestData.Bars(ReferenceCsv.Load("skender_intraday_quotes.csv"), "date", "open", "high", "low", "close", "volume");

    private static Bar IstBar(DateOnly day, int hour, int minute, decimal high, decimal low, decimal close, long volume) =>
        IndicatorTestData.Bar(day.ToDateTime(new TimeOnly(hour, minute)), close, high, low, close, volume);

    private static Bar UtcBar(DateTimeOffset start, decimal price, long volume) =>
        new(TestTicks.Nifty, Timeframe.OneMinute, start, price, price, price, price, volume, 1);
}
