namespace KotakBlazor.Core.Time;

/// <summary>
/// NSE's sessions on the trading calendar: the normal session (09:15-15:30 IST by default) on
/// trading days only; after-market orders accepted from the evening until the morning's pre-open
/// and all day on weekends and holidays; the next open skips weekends and holidays.
/// </summary>
public sealed class NseMarketHours : IMarketHours
{
    // Longer than any run of closed days; see NseTradingCalendar.
    private const int DaysSearched = 60;

    private readonly ITradingCalendar _calendar;

    /// <summary>NSE's timings, Monday to Friday, no holidays: for tests and tools without a configured calendar.</summary>
    public NseMarketHours()
        : this(new WeekdayTradingCalendar())
    {
    }

    /// <summary>The sessions on <paramref name="calendar"/>'s trading days, at <paramref name="times"/> (NSE's when null).</summary>
    /// <exception cref="ArgumentException">The times are not in order (see <see cref="MarketSessionTimes.Problems"/>).</exception>
    public NseMarketHours(ITradingCalendar calendar, MarketSessionTimes? times = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        Times = times ?? MarketSessionTimes.Nse;
        var problems = Times.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(times));
        }
    }

    /// <summary>The session times in force.</summary>
    public MarketSessionTimes Times { get; }

    /// <summary>The trading days in force.</summary>
    public ITradingCalendar Calendar => _calendar;

    /// <inheritdoc />
    public bool IsOpen(DateTimeOffset time)
    {
        var (date, clock) = Ist(time);
        return _calendar.IsTradingDay(date) && clock >= Times.NormalOpen && clock < Times.NormalClose;
    }

    /// <summary>Whether pre-open order entry is running at <paramref name="time"/> (a trading day, 09:00 to 09:08 IST by default).</summary>
    public bool IsPreOpen(DateTimeOffset time)
    {
        var (date, clock) = Ist(time);
        return _calendar.IsTradingDay(date) && clock >= Times.PreOpenStart && clock < Times.PreOpenEnd;
    }

    /// <inheritdoc />
    public bool IsAfterMarketWindow(DateTimeOffset time)
    {
        var (date, clock) = Ist(time);
        if (!_calendar.IsTradingDay(date))
        {
            // Weekends and holidays: the broker holds after-market orders for the next trading day.
            return true;
        }

        return clock >= Times.AfterMarketOpens || clock < Times.AfterMarketCloses;
    }

    /// <inheritdoc />
    public DateTimeOffset NextOpen(DateTimeOffset time)
    {
        var date = IndianMarketTime.IstDate(time);
        for (var i = 0; i < DaysSearched; i++, date = date.AddDays(1))
        {
            if (_calendar.IsTradingDay(date) && IndianMarketTime.AtIst(date, Times.NormalClose) > time)
            {
                var open = IndianMarketTime.AtIst(date, Times.NormalOpen);
                return open > time ? open : time;
            }
        }

        throw new InvalidOperationException($"No session opens within {DaysSearched} days: the holiday list is wrong.");
    }

    private static (DateOnly Date, TimeOnly Clock) Ist(DateTimeOffset time)
    {
        var ist = IndianMarketTime.ToIst(time).DateTime;
        return (DateOnly.FromDateTime(ist), TimeOnly.FromDateTime(ist));
    }
}
