using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>When the operations jobs run: IST times on trading days only; the verifier only in session.</summary>
public sealed class TradingDayScheduleTests
{
    private static readonly TimeOnly EndOfDay = new(15, 45);
    private static readonly DateOnly Friday = new(2026, 12, 4);

    [Fact]
    public void Before_the_time_on_a_trading_day_it_is_today()
    {
        var next = TradingDaySchedule.NextAt(IndianMarketTime.AtIst(Friday, new TimeOnly(9, 30)), EndOfDay, new WeekdayTradingCalendar());

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 15, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void At_or_after_the_time_on_a_friday_it_is_monday()
    {
        var at = TradingDaySchedule.NextAt(IndianMarketTime.AtIst(Friday, EndOfDay), EndOfDay, new WeekdayTradingCalendar());
        var after = TradingDaySchedule.NextAt(IndianMarketTime.AtIst(Friday, new TimeOnly(23, 0)), EndOfDay, new WeekdayTradingCalendar());

        Assert.Equal(IndianMarketTime.AtIst(new DateOnly(2026, 12, 7), EndOfDay), at);
        Assert.Equal(at, after);
    }

    [Fact]
    public void A_holiday_is_skipped_even_before_the_time()
    {
        var calendar = new HolidayCalendar(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8));

        var next = TradingDaySchedule.NextAt(IndianMarketTime.AtIst(new DateOnly(2026, 12, 7), new TimeOnly(9, 0)), EndOfDay, calendar);

        Assert.Equal(IndianMarketTime.AtIst(new DateOnly(2026, 12, 9), EndOfDay), next);
    }

    [Fact]
    public void The_market_is_in_session_in_its_hours_on_trading_days_and_the_round_the_clock_simulator_always()
    {
        var mondayMorning = IndianMarketTime.AtIst(new DateOnly(2026, 12, 7), new TimeOnly(10, 0));
        var saturday = IndianMarketTime.AtIst(new DateOnly(2026, 12, 5), new TimeOnly(10, 0));
        var holiday = new HolidayCalendar(new DateOnly(2026, 12, 7));

        Assert.True(TradingDaySchedule.IsInSession(new NseMarketHours(), new WeekdayTradingCalendar(), mondayMorning));
        Assert.False(TradingDaySchedule.IsInSession(new NseMarketHours(), holiday, mondayMorning));
        Assert.False(TradingDaySchedule.IsInSession(new NseMarketHours(), new WeekdayTradingCalendar(), mondayMorning.AddHours(6)));
        Assert.True(TradingDaySchedule.IsInSession(new AlwaysOpenMarketHours(), new WeekdayTradingCalendar(), saturday));
    }

    private sealed class HolidayCalendar(params DateOnly[] holidays) : ITradingCalendar
    {
        private readonly WeekdayTradingCalendar _weekdays = new();

        public bool IsTradingDay(DateOnly date) => _weekdays.IsTradingDay(date) && !holidays.Contains(date);

        public string? HolidayName(DateOnly date) => holidays.Contains(date) ? "Holiday" : null;

        public DateOnly NextTradingDay(DateOnly date)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!IsTradingDay(date));
            return date;
        }

        public DateOnly PreviousTradingDay(DateOnly date)
        {
            do
            {
                date = date.AddDays(-1);
            }
            while (!IsTradingDay(date));
            return date;
        }
    }
}
