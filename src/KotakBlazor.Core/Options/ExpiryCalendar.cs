using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Options;

/// <summary>
/// Index derivative expiry dates on the exchange calendar: weeklies on one weekday (NIFTY:
/// Tuesday, NSE's day since September 2025), the monthly on the month's last such weekday, and an
/// expiry that falls on a holiday moved to the previous trading day, as the exchange moves it.
/// </summary>
public sealed class ExpiryCalendar
{
    private readonly ITradingCalendar _calendar;

    /// <summary>Expiries on <paramref name="expiryWeekday"/>, moved off <paramref name="calendar"/>'s holidays.</summary>
    public ExpiryCalendar(ITradingCalendar calendar, DayOfWeek expiryWeekday = DayOfWeek.Tuesday)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (expiryWeekday is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(expiryWeekday), expiryWeekday, "Contracts expire on a weekday.");
        }

        _calendar = calendar;
        ExpiryWeekday = expiryWeekday;
    }

    /// <summary>The weekday contracts are scheduled to expire on.</summary>
    public DayOfWeek ExpiryWeekday { get; }

    /// <summary>
    /// The first date whose contracts are still alive at <paramref name="now"/>: today until the
    /// session closes at 15:30 IST, tomorrow after that.
    /// </summary>
    public static DateOnly FirstLiveDate(DateTimeOffset now)
    {
        var ist = IndianMarketTime.ToIst(now);
        var today = DateOnly.FromDateTime(ist.DateTime);
        return TimeOnly.FromDateTime(ist.DateTime) < IndianMarketTime.SessionClose ? today : today.AddDays(1);
    }

    /// <summary>Where a contract scheduled for <paramref name="scheduled"/> really expires: that day, or the trading day before it when the exchange is shut.</summary>
    public DateOnly OnTradingDay(DateOnly scheduled) => _calendar.IsTradingDay(scheduled) ? scheduled : _calendar.PreviousTradingDay(scheduled);

    /// <summary>The month's monthly expiry: its last expiry weekday, moved off a holiday.</summary>
    public DateOnly MonthlyExpiry(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)ExpiryWeekday + 7) % 7;
        return OnTradingDay(last.AddDays(-back));
    }

    /// <summary>Whether <paramref name="date"/> is its month's monthly expiry (moved or not).</summary>
    public bool IsMonthlyExpiry(DateOnly date) => date == MonthlyExpiry(date.Year, date.Month);

    /// <summary>The next <paramref name="count"/> weekly expiries still alive at <paramref name="now"/>, nearest first.</summary>
    public IReadOnlyList<DateOnly> WeeklyExpiries(DateTimeOffset now, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = FirstLiveDate(now);
        var scheduled = first.AddDays(((int)ExpiryWeekday - (int)first.DayOfWeek + 7) % 7);
        var expiries = new List<DateOnly>(count);
        while (expiries.Count < count)
        {
            // This week's contract moved before today (a holiday on its day) has already expired.
            var expiry = OnTradingDay(scheduled);
            if (expiry >= first)
            {
                expiries.Add(expiry);
            }

            scheduled = scheduled.AddDays(7);
        }

        return expiries;
    }

    /// <summary>The first monthly expiry on or after <paramref name="date"/>.</summary>
    public DateOnly MonthlyExpiryOnOrAfter(DateOnly date)
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
    public DateOnly CurrentMonthlyExpiry(DateTimeOffset now) => MonthlyExpiryOnOrAfter(FirstLiveDate(now));

    /// <summary>
    /// Three distinct option expiries, ascending: the two nearest weeklies and the nearest
    /// monthly that is not one of them (the next month's when this month's is a near weekly).
    /// </summary>
    public IReadOnlyList<DateOnly> OptionExpiries(DateTimeOffset now)
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
