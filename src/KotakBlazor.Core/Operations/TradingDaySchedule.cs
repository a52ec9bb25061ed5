using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// When the operations jobs run: at an IST wall-clock time on trading days (the cleanup after the
/// close, the expiry warning before it), and whether the market is in session (the verifier).
/// </summary>
public static class TradingDaySchedule
{
    /// <summary>The first instant strictly after <paramref name="now"/> that is <paramref name="istTime"/> on a trading day.</summary>
    public static DateTimeOffset NextAt(DateTimeOffset now, TimeOnly istTime, ITradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = IndianMarketTime.IstDate(now);
        if (!calendar.IsTradingDay(day) || IndianMarketTime.AtIst(day, istTime) <= now)
        {
            day = calendar.NextTradingDay(day);
        }

        return IndianMarketTime.AtIst(day, istTime);
    }

    /// <summary>
    /// Whether the market is in session: the hours say open and the day is a trading day. A market
    /// that never closes (the simulator running round the clock) is in session every day.
    /// </summary>
    public static bool IsInSession(IMarketHours hours, ITradingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(calendar);
        return hours.IsOpen(now) && (hours is AlwaysOpenMarketHours || calendar.IsTradingDay(IndianMarketTime.IstDate(now)));
    }
}
