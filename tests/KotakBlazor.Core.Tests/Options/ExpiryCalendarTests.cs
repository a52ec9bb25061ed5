using KotakBlazor.Core.Options;
using KotakBlazor.Core.Tests.Time;
using KotakBlazor.Core.Time;
using static KotakBlazor.Core.Tests.Time.Nse2026;

namespace KotakBlazor.Core.Tests.Options;

public sealed class ExpiryCalendarTests
{
    private readonly ExpiryCalendar _nifty = new(Calendar());

    [Fact]
    public void A_monthly_expiry_on_a_holiday_moves_to_the_previous_trading_day()
    {
        // The last Tuesday of November 2026 is Guru Nanak Jayanti; of March, Mahavir Jayanti.
        Assert.Equal(new DateOnly(2026, 11, 23), _nifty.MonthlyExpiry(2026, 11));
        Assert.Equal(new DateOnly(2026, 3, 30), _nifty.MonthlyExpiry(2026, 3));
        Assert.True(_nifty.IsMonthlyExpiry(new DateOnly(2026, 11, 23)));
        Assert.False(_nifty.IsMonthlyExpiry(new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void A_monthly_expiry_on_a_trading_day_stays_put()
    {
        Assert.Equal(new DateOnly(2026, 12, 29), _nifty.MonthlyExpiry(2026, 12));
        Assert.Equal(new DateOnly(2026, 11, 24), new ExpiryCalendar(new WeekdayTradingCalendar()).MonthlyExpiry(2026, 11));
    }

    [Fact]
    public void A_weekly_expiry_on_a_holiday_moves_to_the_monday()
    {
        // Tuesday 10 November 2026 is Diwali Balipratipada.
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 17)], _nifty.WeeklyExpiries(Ist(11, 5, 10, 0), 2));
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 10)], _nifty.WeeklyExpiries(Ist(2, 27, 10, 0), 2));
    }

    [Fact]
    public void A_moved_expiry_is_over_after_its_own_close_even_though_its_scheduled_day_is_still_ahead()
    {
        // Monday 9 November after 15:30: the week's contract (moved from the 10th) has expired.
        Assert.Equal([new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 23)], _nifty.WeeklyExpiries(Ist(11, 9, 15, 30), 2));
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 17)], _nifty.WeeklyExpiries(Ist(11, 9, 15, 29), 2));
    }

    [Fact]
    public void The_option_expiries_take_the_next_months_monthly_when_a_moved_monthly_is_a_near_weekly()
    {
        Assert.Equal(
            [new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 29)],
            _nifty.OptionExpiries(Ist(11, 12, 10, 0)));
        Assert.Equal(new DateOnly(2026, 11, 23), _nifty.CurrentMonthlyExpiry(Ist(11, 23, 15, 0)));
        Assert.Equal(new DateOnly(2026, 12, 29), _nifty.CurrentMonthlyExpiry(Ist(11, 23, 15, 30)));
    }

    [Fact]
    public void An_expiry_moves_back_over_every_closed_day_in_a_row()
    {
        // Tuesday 29 and Monday 28 December shut as well as Christmas Friday: back to Thursday the 24th.
        var calendar = new NseTradingCalendar(
        [
            new MarketHoliday(new DateOnly(2026, 12, 25), "Christmas"),
            new MarketHoliday(new DateOnly(2026, 12, 28), "Test closure"),
            new MarketHoliday(new DateOnly(2026, 12, 29), "Test closure"),
        ]);

        Assert.Equal(new DateOnly(2026, 12, 24), new ExpiryCalendar(calendar).MonthlyExpiry(2026, 12));
    }

    [Fact]
    public void Contracts_do_not_expire_on_weekends()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpiryCalendar(Calendar(), DayOfWeek.Saturday));
        Assert.Equal(new DateOnly(2026, 11, 26), new ExpiryCalendar(Calendar(), DayOfWeek.Thursday).MonthlyExpiry(2026, 11));
    }
}
