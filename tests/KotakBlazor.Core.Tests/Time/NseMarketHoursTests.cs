using KotakBlazor.Core.Time;
using static KotakBlazor.Core.Tests.Time.Nse2026;

namespace KotakBlazor.Core.Tests.Time;

public sealed class NseMarketHoursTests
{
    private readonly NseMarketHours _hours = new(Calendar());

    [Theory]
    [InlineData(9, 14, 59, false)]
    [InlineData(9, 15, 0, true)]
    [InlineData(15, 29, 59, true)]
    [InlineData(15, 30, 0, false)]
    public void The_normal_session_runs_from_0915_to_1530_on_a_trading_day(int hour, int minute, int second, bool open)
    {
        Assert.Equal(open, _hours.IsOpen(Ist(1, 27, hour, minute, second)));
    }

    [Fact]
    public void A_holiday_is_closed_all_day_and_takes_after_market_orders_all_day()
    {
        foreach (var time in new[] { Ist(1, 26, 8, 0), Ist(1, 26, 9, 5), Ist(1, 26, 11, 0), Ist(1, 26, 15, 45), Ist(1, 26, 20, 0) })
        {
            Assert.False(_hours.IsOpen(time));
            Assert.False(_hours.IsPreOpen(time));
            Assert.True(_hours.IsAfterMarketWindow(time));
        }
    }

    [Fact]
    public void A_weekend_is_closed_and_takes_after_market_orders()
    {
        Assert.False(_hours.IsOpen(Ist(1, 24, 11, 0)));
        Assert.True(_hours.IsAfterMarketWindow(Ist(1, 24, 11, 0)));
        Assert.True(_hours.IsAfterMarketWindow(Ist(1, 25, 9, 30)));
    }

    [Theory]
    [InlineData(8, 59, 59, true)]
    [InlineData(9, 0, 0, false)]
    [InlineData(10, 0, 0, false)]
    [InlineData(15, 30, 0, false)]
    [InlineData(15, 59, 59, false)]
    [InlineData(16, 0, 0, true)]
    [InlineData(23, 59, 59, true)]
    public void On_a_trading_day_after_market_orders_are_taken_from_1600_until_0900(int hour, int minute, int second, bool window)
    {
        Assert.Equal(window, _hours.IsAfterMarketWindow(Ist(1, 27, hour, minute, second)));
    }

    [Theory]
    [InlineData(8, 59, 59, false)]
    [InlineData(9, 0, 0, true)]
    [InlineData(9, 7, 59, true)]
    [InlineData(9, 8, 0, false)]
    [InlineData(9, 10, 0, false)]
    public void Pre_open_order_entry_runs_from_0900_to_0908_and_is_not_the_normal_session(int hour, int minute, int second, bool preOpen)
    {
        var time = Ist(1, 27, hour, minute, second);

        Assert.Equal(preOpen, _hours.IsPreOpen(time));
        Assert.False(_hours.IsOpen(time));
    }

    [Fact]
    public void The_next_open_after_a_friday_close_skips_the_weekend_and_a_monday_holiday()
    {
        Assert.Equal(Ist(1, 27, 9, 15), _hours.NextOpen(Ist(1, 23, 15, 30)));
        Assert.Equal(Ist(1, 27, 9, 15), _hours.NextOpen(Ist(1, 26, 10, 0)));
    }

    [Fact]
    public void The_next_open_after_a_thursday_close_skips_good_friday_and_the_weekend()
    {
        Assert.Equal(Ist(4, 6, 9, 15), _hours.NextOpen(Ist(4, 2, 16, 0)));
    }

    [Fact]
    public void The_next_open_is_today_before_the_open_and_now_during_the_session()
    {
        Assert.Equal(Ist(1, 27, 9, 15), _hours.NextOpen(Ist(1, 27, 9, 3)));
        Assert.Equal(Ist(1, 27, 11, 0), _hours.NextOpen(Ist(1, 27, 11, 0)));
        Assert.Equal(Ist(1, 28, 9, 15), _hours.NextOpen(Ist(1, 27, 15, 30)));
    }

    [Fact]
    public void Without_a_calendar_a_holiday_trades_as_any_weekday()
    {
        var weekdays = new NseMarketHours();

        Assert.True(weekdays.IsOpen(Ist(1, 26, 11, 0)));
        Assert.Equal(Ist(1, 26, 9, 15), weekdays.NextOpen(Ist(1, 23, 15, 30)));
    }

    [Fact]
    public void Configured_session_times_are_used()
    {
        var halfDay = new NseMarketHours(Calendar(), MarketSessionTimes.Nse with { NormalClose = new TimeOnly(13, 0), AfterMarketOpens = new TimeOnly(14, 0) });

        Assert.True(halfDay.IsOpen(Ist(1, 27, 12, 59)));
        Assert.False(halfDay.IsOpen(Ist(1, 27, 13, 0)));
        Assert.True(halfDay.IsAfterMarketWindow(Ist(1, 27, 14, 0)));
        Assert.Equal(Ist(1, 28, 9, 15), halfDay.NextOpen(Ist(1, 27, 13, 0)));
    }

    [Fact]
    public void Session_times_out_of_order_are_refused_with_what_is_wrong()
    {
        var times = MarketSessionTimes.Nse with { PreOpenEnd = new TimeOnly(9, 20) };

        var problem = Assert.Single(times.Problems());
        var refused = Assert.Throws<ArgumentException>(() => new NseMarketHours(Calendar(), times));

        Assert.Equal("PreOpenEnd (09:20) must come before NormalOpen (09:15).", problem);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.Empty(MarketSessionTimes.Nse.Problems());
    }
}
