using KotakBlazor.Core.MarketData.Bars;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Bars;

public sealed class BarAggregatorTests
{
    [Fact]
    public void One_minute_bars_close_on_the_first_tick_of_the_next_IST_minute()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.OneMinute);

        Assert.False(aggregator.TryGetForming(out _));
        Assert.False(aggregator.Update(At(Ist(9, 15, 10), 100m), out _));
        Assert.False(aggregator.Update(At(Ist(9, 15, 30), 103m), out _));
        Assert.False(aggregator.Update(At(Ist(9, 15, 59), 99m), out _));
        Assert.True(aggregator.Update(At(Ist(9, 16, 0), 101m), out var closed));

        Assert.Equal(new Bar(Nifty, Timeframe.OneMinute, Ist(9, 15), 100m, 103m, 99m, 99m, 3, 3), closed);
        Assert.Equal(Ist(9, 16), closed.End);
        Assert.True(aggregator.TryGetForming(out var forming));
        Assert.Equal(new Bar(Nifty, Timeframe.OneMinute, Ist(9, 16), 101m, 101m, 101m, 101m, 1, 1), forming);
    }

    [Fact]
    public void Three_minute_bars_start_at_the_0915_IST_open()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.ThreeMinutes);

        aggregator.Update(At(Ist(9, 15, 0), 100m), out _);
        Assert.False(aggregator.Update(At(Ist(9, 17, 59, 999), 102m), out _));
        Assert.True(aggregator.Update(At(Ist(9, 18, 0), 104m), out var first));
        Assert.True(aggregator.Update(At(Ist(9, 21, 0), 105m), out var second));

        Assert.Equal(Ist(9, 15), first.Start);
        Assert.Equal((100m, 102m), (first.Open, first.Close));
        Assert.Equal(Ist(9, 18), second.Start);
        Assert.Equal(Ist(9, 21), second.End);
    }

    [Theory]
    [InlineData(5, 9, 19, 59, 9, 20)]
    [InlineData(15, 9, 29, 59, 9, 30)]
    [InlineData(15, 15, 14, 59, 15, 15)]
    public void Longer_bars_follow_the_same_grid(int minutes, int lastHour, int lastMinute, int lastSecond, int nextHour, int nextMinute)
    {
        var timeframe = new Timeframe(minutes);
        var aggregator = new BarAggregator(Nifty, timeframe);
        var barStart = Ist(nextHour, nextMinute).AddMinutes(-minutes);

        aggregator.Update(At(barStart, 100m), out _);
        Assert.False(aggregator.Update(At(Ist(lastHour, lastMinute, lastSecond), 101m), out _));
        Assert.True(aggregator.Update(At(Ist(nextHour, nextMinute), 102m), out var closed));

        Assert.Equal(barStart, closed.Start);
        Assert.Equal(2, closed.TickCount);
    }

    [Fact]
    public void Pre_open_ticks_fall_on_the_grid_that_runs_back_from_0915()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.ThreeMinutes);

        aggregator.Update(At(Ist(9, 14, 30), 100m), out _);
        Assert.True(aggregator.Update(At(Ist(9, 15, 0), 101m), out var preOpen));

        Assert.Equal(Ist(9, 12), preOpen.Start);
    }

    [Fact]
    public void A_new_IST_day_starts_a_new_bar_even_inside_the_same_interval_of_the_grid()
    {
        // 60-minute bars from 09:15 put 23:15-00:15 on one interval; midnight IST must still split it.
        var aggregator = new BarAggregator(Nifty, new Timeframe(60));
        var nextDay = TradingDay.AddDays(1);

        aggregator.Update(At(Ist(TradingDay, 23, 50), 100m), out _);
        Assert.True(aggregator.Update(At(Ist(nextDay, 0, 5), 101m), out var closed));

        Assert.Equal(Ist(TradingDay, 23, 15), closed.Start);
        Assert.True(aggregator.TryGetForming(out var forming));
        Assert.Equal(Ist(nextDay, 0, 0), forming.Start);
    }

    [Fact]
    public void The_next_session_starts_a_new_bar_at_its_open()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.FifteenMinutes);
        var nextDay = TradingDay.AddDays(1);

        aggregator.Update(At(Ist(15, 29, 59), 100m, volume: 9_000), out _);
        Assert.True(aggregator.Update(At(Ist(nextDay, 9, 15), 101m, volume: 50, quantity: 50), out var closed));

        Assert.Equal(Ist(15, 15), closed.Start);
        Assert.True(aggregator.TryGetForming(out var forming));
        Assert.Equal(Ist(nextDay, 9, 15), forming.Start);
        Assert.Equal(50, forming.Volume);
    }

    [Fact]
    public void Bar_volume_is_the_rise_of_the_cumulative_day_volume()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.OneMinute);

        // The first tick seen counts only its own trade: earlier volume happened before we watched.
        aggregator.Update(At(Ist(9, 15, 1), 100m, volume: 1_000, quantity: 5), out _);
        aggregator.Update(At(Ist(9, 15, 2), 100m, volume: 1_010, quantity: 10), out _);
        aggregator.Update(At(Ist(9, 15, 3), 100m, volume: 1_030, quantity: 4), out _);
        aggregator.Update(At(Ist(9, 16, 0), 100m, volume: 1_100, quantity: 70), out var first);
        aggregator.TryGetForming(out var second);

        Assert.Equal(5 + 10 + 20, first.Volume);
        Assert.Equal(70, second.Volume);
    }

    [Fact]
    public void Ticks_without_volume_count_their_last_quantity()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.OneMinute);

        aggregator.Update(At(Ist(9, 15, 1), 100m, volume: 0, quantity: 3), out _);
        aggregator.Update(At(Ist(9, 15, 2), 100m, volume: 0, quantity: 7), out _);
        aggregator.TryGetForming(out var bar);

        Assert.Equal(10, bar.Volume);
    }

    [Fact]
    public void A_tick_older_than_the_forming_bar_is_ignored()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.OneMinute);
        aggregator.Update(At(Ist(9, 16, 5), 100m), out _);

        Assert.False(aggregator.Update(At(Ist(9, 15, 50), 90m), out _));
        aggregator.TryGetForming(out var bar);

        Assert.Equal((100m, 100m, 1), (bar.Low, bar.Close, bar.TickCount));
    }

    [Fact]
    public void A_tick_of_another_instrument_is_refused()
    {
        var aggregator = new BarAggregator(Nifty, Timeframe.OneMinute);

        Assert.Throws<ArgumentException>(() => aggregator.Update(At(Ist(9, 15), 100m, instrument: Reliance), out _));
    }
}
