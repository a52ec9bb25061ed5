using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Time;

public sealed class NseTradingCalendarTests
{
    private readonly NseTradingCalendar _calendar = Nse2026.Calendar();

    [Fact]
    public void A_weekday_holiday_is_not_a_trading_day_and_has_its_name()
    {
        var republicDay = new DateOnly(2026, 1, 26);

        Assert.Equal(DayOfWeek.Monday, republicDay.DayOfWeek);
        Assert.False(_calendar.IsTradingDay(republicDay));
        Assert.Equal("Republic Day", _calendar.HolidayName(republicDay));
    }

    [Fact]
    public void A_weekend_is_closed_without_a_holiday_name_even_when_the_circular_lists_it()
    {
        var saturday = new DateOnly(2026, 1, 24);
        var independenceDay = new DateOnly(2026, 8, 15);

        Assert.False(_calendar.IsTradingDay(saturday));
        Assert.Null(_calendar.HolidayName(saturday));
        Assert.Equal(DayOfWeek.Saturday, independenceDay.DayOfWeek);
        Assert.False(_calendar.IsTradingDay(independenceDay));
        Assert.Null(_calendar.HolidayName(independenceDay));
    }

    [Fact]
    public void An_ordinary_weekday_trades_and_has_no_holiday_name()
    {
        var day = new DateOnly(2026, 1, 27);

        Assert.True(_calendar.IsTradingDay(day));
        Assert.Null(_calendar.HolidayName(day));
    }

    [Theory]
    [InlineData("2026-01-23", "2026-01-27")] // Friday -> weekend and Republic Day Monday -> Tuesday
    [InlineData("2026-03-02", "2026-03-04")] // Holi on Tuesday
    [InlineData("2026-04-02", "2026-04-06")] // Good Friday and the weekend
    [InlineData("2026-12-24", "2026-12-28")] // Christmas Friday and the weekend
    [InlineData("2026-01-26", "2026-01-27")] // from a holiday itself
    public void The_next_trading_day_skips_weekends_and_holidays(string from, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _calendar.NextTradingDay(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-27", "2026-01-23")]
    [InlineData("2026-04-06", "2026-04-02")]
    [InlineData("2026-11-25", "2026-11-23")] // Guru Nanak Jayanti on Tuesday
    [InlineData("2026-11-24", "2026-11-23")] // from a holiday itself
    public void The_previous_trading_day_skips_weekends_and_holidays(string from, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _calendar.PreviousTradingDay(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Without_holidays_it_is_the_weekday_calendar()
    {
        var empty = new NseTradingCalendar([]);
        var weekdays = new WeekdayTradingCalendar();

        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2026, 3, 1); day = day.AddDays(1))
        {
            Assert.Equal(weekdays.IsTradingDay(day), empty.IsTradingDay(day));
            Assert.Equal(weekdays.NextTradingDay(day), empty.NextTradingDay(day));
        }
    }

    [Fact]
    public void It_knows_whether_a_year_has_a_holiday_list()
    {
        Assert.True(_calendar.HasHolidaysFor(2026));
        Assert.False(_calendar.HasHolidaysFor(2027));
        Assert.Equal(17, _calendar.Holidays.Count);
        Assert.Equal(new DateOnly(2026, 1, 15), _calendar.Holidays[0].Date);
    }

    [Fact]
    public void A_date_listed_twice_or_a_nameless_holiday_is_refused_with_the_date()
    {
        var twice = Assert.Throws<ArgumentException>(() => new NseTradingCalendar(
            [new MarketHoliday(new DateOnly(2026, 3, 3), "Holi"), new MarketHoliday(new DateOnly(2026, 3, 3), "Dhuleti")]));
        var nameless = Assert.Throws<ArgumentException>(() => new NseTradingCalendar([new MarketHoliday(new DateOnly(2026, 3, 3), " ")]));

        Assert.Contains("2026-03-03 is listed twice", twice.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-03 has no name", nameless.Message, StringComparison.Ordinal);
    }
}
