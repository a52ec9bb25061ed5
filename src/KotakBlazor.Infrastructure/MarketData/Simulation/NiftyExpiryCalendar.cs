using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// NIFTY derivative expiry dates: weeklies every Tuesday, the monthly on the last Tuesday of
/// the month (NSE's calendar since September 2025). Exchange holidays, which move an expiry
/// to the previous trading day, are not known here.
/// </summary>
public static class NiftyExpiryCalendar
{
    /// <summary>The weekday NIFTY contracts expire on.</summary>
    public const DayOfWeek ExpiryWeekday = DayOfWeek.Tuesday;

    /// <summary>The last Tuesday of a month: that month's monthly expiry.</summary>
    public static DateOnly MonthlyExpiry(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)ExpiryWeekday + 7) % 7;
        return last.AddDays(-back);
    }

    /// <summary>Whether a date is a monthly expiry (the last Tuesday of its month).</summary>
    public static bool IsMonthlyExpiry(DateOnly date) => date.DayOfWeek == ExpiryWeekday && date.AddDays(7).Month != date.Month;

    /// <summary>
    /// The first date whose contracts are still alive at <paramref name="now"/>: today until
    /// the session closes at 15:30 IST, tomorrow after that.
    /// </summary>
    public static DateOnly FirstLiveDate(DateTimeOffset now)
    {
        var ist = IndianMarketTime.ToIst(now);
        var today = DateOnly.FromDateTime(ist.DateTime);
        return TimeOnly.FromDateTime(ist.DateTime) < IndianMarketTime.SessionClose ? today : today.AddDays(1);
    }

    /// <summary>The next <paramref name="count"/> weekly expiries still alive at <paramref name="now"/>, nearest first.</summary>
    public static IReadOnlyList<DateOnly> WeeklyExpiries(DateTimeOffset now, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = FirstLiveDate(now);
        var ahead = ((int)ExpiryWeekday - (int)first.DayOfWeek + 7) % 7;
        var expiries = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            expiries[i] = first.AddDays(ahead + (7 * i));
        }

        return expiries;
    }

    /// <summary>The first monthly expiry on or after <paramref name="date"/>.</summary>
    public static DateOnly MonthlyExpiryOnOrAfter(DateOnly date)
    {
        var expiry = MonthlyExpiry(date.Year, date.Month);
        if (expiry >= date)
        {
            return expiry;
        }

        var next = date.AddMonths(1);
        return MonthlyExpiry(next.Year, next.Month);
    }

    /// <summary>The current-month contract's expiry at <paramref name="now"/> (what futures trade on).</summary>
    public static DateOnly CurrentMonthlyExpiry(DateTimeOffset now) => MonthlyExpiryOnOrAfter(FirstLiveDate(now));

    /// <summary>
    /// Three distinct option expiries, ascending: the two nearest weeklies and the nearest
    /// monthly that is not one of them (the next month's when this month's is a near weekly).
    /// </summary>
    public static IReadOnlyList<DateOnly> OptionExpiries(DateTimeOffset now)
    {
        var weeklies = WeeklyExpiries(now, 2);
        var monthly = CurrentMonthlyExpiry(now);
        while (weeklies.Contains(monthly))
        {
            monthly = MonthlyExpiryOnOrAfter(monthly.AddDays(1));
        }

        return [weeklies[0], weeklies[1], monthly];
    }
}
