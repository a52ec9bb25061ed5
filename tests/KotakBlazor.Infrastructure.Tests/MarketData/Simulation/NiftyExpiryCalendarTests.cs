using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

public class NiftyExpiryCalendarTests
{
    private static DateTimeOffset Ist(int year, int month, int day, int hour, int minute = 0) =>
        IndianMarketTime.AtIst(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    [Theory]
    [InlineData(2026, 1, 27)]
    [InlineData(2026, 3, 31)]
    [InlineData(2026, 9, 29)]
    [InlineData(2026, 11, 24)]
    [InlineData(2026, 12, 29)]
    public void Monthly_expiry_is_the_last_tuesday(int year, int month, int day)
    {
        var expected = new DateOnly(year, month, day);

        Assert.Equal(expected, NiftyExpiryCalendar.MonthlyExpiry(year, month));
        Assert.True(NiftyExpiryCalendar.IsMonthlyExpiry(expected));
        Assert.False(NiftyExpiryCalendar.IsMonthlyExpiry(expected.AddDays(-7)));
    }

    [Fact]
    public void On_a_sunday_before_the_monthly_the_third_expiry_is_next_months_monthly()
    {
        var expiries = NiftyExpiryCalendar.OptionExpiries(Ist(2026, 11, 22, 10));

        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 29)], expiries);
    }

    [Fact]
    public void An_expiry_tuesday_counts_until_the_session_closes()
    {
        Assert.Equal(
            [new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 24)],
            NiftyExpiryCalendar.OptionExpiries(Ist(2026, 11, 10, 15, 29)));
        Assert.Equal(
            [new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 29)],
            NiftyExpiryCalendar.OptionExpiries(Ist(2026, 11, 10, 15, 30)));
    }

    [Fact]
    public void Current_month_rolls_after_the_monthly_expiry_closes()
    {
        Assert.Equal(new DateOnly(2026, 11, 24), NiftyExpiryCalendar.CurrentMonthlyExpiry(Ist(2026, 11, 24, 15, 0)));
        Assert.Equal(new DateOnly(2026, 12, 29), NiftyExpiryCalendar.CurrentMonthlyExpiry(Ist(2026, 11, 24, 16, 0)));
    }

    [Fact]
    public void Ist_date_decides_not_utc_date()
    {
        // 20:00 UTC on Monday 9 Nov is 01:30 IST on Tuesday 10 Nov: Tuesday's contracts are live.
        var now = new DateTimeOffset(2026, 11, 9, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 10), NiftyExpiryCalendar.WeeklyExpiries(now, 1)[0]);
    }
}
