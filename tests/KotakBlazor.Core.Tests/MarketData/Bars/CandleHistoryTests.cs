using KotakBlazor.Core.MarketData.Bars;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Bars;

public sealed class CandleHistoryTests
{
    [Fact]
    public void Keeps_the_newest_closed_bars_up_to_capacity_plus_the_forming_bar_in_time_order()
    {
        var history = new CandleHistory(Timeframe.OneMinute, capacity: 3);

        for (var minute = 0; minute < 6; minute++)
        {
            history.Update(At(Ist(9, 15 + minute, 10), 100m + minute), out _);
        }

        var bars = history.GetBars(Nifty);
        Assert.Equal([Ist(9, 17), Ist(9, 18), Ist(9, 19), Ist(9, 20)], bars.Select(b => b.Start));
        Assert.Equal(105m, bars[^1].Close);
        Assert.Equal(3, history.Capacity);
    }

    [Fact]
    public void Default_capacity_is_500()
    {
        var history = new CandleHistory(Timeframe.OneMinute);
        var start = Ist(9, 15);

        for (var minute = 0; minute < 600; minute++)
        {
            history.Update(At(start.AddMinutes(minute), 100m), out _);
        }

        var bars = history.GetBars(Nifty);
        Assert.Equal(501, bars.Count);
        Assert.Equal(start.AddMinutes(99), bars[0].Start);
        Assert.Equal(start.AddMinutes(599), bars[^1].Start);
    }

    [Fact]
    public void Update_reports_the_closed_bar_and_instruments_are_kept_apart()
    {
        var history = new CandleHistory(Timeframe.FiveMinutes);

        Assert.False(history.Update(At(Ist(9, 15, 1), 100m), out _));
        Assert.False(history.Update(At(Ist(9, 16, 0), 2500m, instrument: Reliance), out _));
        Assert.True(history.Update(At(Ist(9, 20, 0), 101m), out var closed));

        Assert.Equal((Nifty, Ist(9, 15), 100m), (closed.Instrument, closed.Start, closed.Close));
        Assert.Equal(2, history.GetBars(Nifty).Count);
        Assert.Equal([2500m], history.GetBars(Reliance).Select(b => b.Close));
        Assert.Empty(history.GetBars(NiftyFuture));
    }

    [Fact]
    public async Task Readers_on_other_threads_always_see_bars_in_time_order()
    {
        var history = new CandleHistory(Timeframe.OneMinute, capacity: 50);
        history.Update(At(Ist(9, 15), 100m), out _);
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                var bars = history.GetBars(Nifty);
                for (var i = 1; i < bars.Count; i++)
                {
                    Assert.True(bars[i - 1].Start < bars[i].Start);
                }

                reads++;
            }

            return reads;
        });

        for (var second = 1; second < 20_000; second++)
        {
            history.Update(At(Ist(9, 15).AddSeconds(second), 100m), out _);
        }

        await done.CancelAsync();
        Assert.True(await reader > 0);
        Assert.Equal(51, history.GetBars(Nifty).Count);
    }
}
