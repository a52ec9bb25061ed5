using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// NIFTY derivative expiry dates: weeklies every Tuesday, the monthly on the last Tuesday of
/// the month (NSE's calendar since September 2025). Given a trading calendar, an expiry on an
/// exchange holiday moves to the previous trading day (<see cref="ExpiryCalendar"/>); without
/// one, every weekday trades.
/// </summary>
public static class NiftyExpiryCalendar
{
    /// <summary>The weekday NIFTY contracts expire on.</summary>
    public const DayOfWeek ExpiryWeekday = DayOfWeek.Tuesday;

    private static readonly ExpiryCalendar Weekdays = new(new WeekdayTradingCalendar(), ExpiryWeekday);

    /// <summary>The last Tuesday of a month, moved off a holiday: that month's monthly expiry.</summary>
    public static DateOnly MonthlyExpiry(int year, int month, ITradingCalendar? calendar = null) => For(calendar).MonthlyExpiry(year, month);

    /// <summary>Whether a date is a monthly expiry (the last Tuesday of its month, or the trading day it moved to).</summary>
    public static bool IsMonthlyExpiry(DateOnly date, ITradingCalendar? calendar = null) => For(calendar).IsMonthlyExpiry(date);

    /// <summary>
    /// The first date whose contracts are still alive at <paramref name="now"/>: today until
    /// the session closes at 15:30 IST, tomorrow after that.
    /// </summary>
    public static DateOnly FirstLiveDate(DateTimeOffset now) => ExpiryCalendar.FirstLiveDate(now);

    /// <summary>The next <paramref name="count"/> weekly expiries still alive at <paramref name="now"/>, nearest first.</summary>
    public static IReadOnlyList<DateOnly> WeeklyExpiries(DateTimeOffset now, int count, ITradingCalendar? calendar = null) => For(calendar).WeeklyExpiries(now, count);

    /// <summary>The first monthly expiry on or after <paramref name="date"/>.</summary>
    public static DateOnly MonthlyExpiryOnOrAfter(DateOnly date, ITradingCalendar? calendar = null) => For(calendar).MonthlyExpiryOnOrAfter(date);

    /// <summary>The current-month contract's expiry at <paramref name="now"/> (what futures trade on).</summary>
    public static DateOnly CurrentMonthlyExpiry(DateTimeOffset now, ITradingCalendar? calendar = null) => For(calendar).CurrentMonthlyExpiry(now);

    /// <summary>
    /// Three distinct option expiries, ascending: the two nearest weeklies and the nearest
    /// monthly that is not one of them (the next month's when this month's is a near weekly).
    /// </summary>
    public static IReadOnlyList<DateOnly> OptionExpiries(DateTimeOffset now, ITradingCalendar? calendar = null) => For(calendar).OptionExpiries(now);

    private static ExpiryCalendar For(ITradingCalendar? calendar) => calendar is null ? Weekdays : new ExpiryCalendar(calendar, ExpiryWeekday);
}
