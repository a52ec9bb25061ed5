namespace KotakBlazor.Core.Time;

/// <summary>
/// India Standard Time and the NSE normal session. IST has no daylight saving, so a fixed
/// +05:30 offset is exact and needs no time-zone database.
/// </summary>
public static class IndianMarketTime
{
    /// <summary>UTC+05:30.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromMinutes(330);

    /// <summary>The normal session opens at 09:15 IST.</summary>
    public static readonly TimeOnly SessionOpen = new(9, 15);

    /// <summary>The normal session closes at 15:30 IST.</summary>
    public static readonly TimeOnly SessionClose = new(15, 30);

    /// <summary>The same instant expressed in IST.</summary>
    public static DateTimeOffset ToIst(DateTimeOffset time) => time.ToOffset(Offset);

    /// <summary>The IST calendar date of an instant.</summary>
    public static DateOnly IstDate(DateTimeOffset time) => DateOnly.FromDateTime(ToIst(time).DateTime);

    /// <summary>An IST wall-clock date and time as an instant.</summary>
    public static DateTimeOffset AtIst(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>
    /// Whether the normal session is open (Monday to Friday, 09:15 to 15:30 IST). Exchange
    /// holidays are not known here; the market calendar adds them.
    /// </summary>
    public static bool IsNormalSessionOpen(DateTimeOffset time)
    {
        var ist = ToIst(time);
        if (ist.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        var clock = TimeOnly.FromDateTime(ist.DateTime);
        return clock >= SessionOpen && clock < SessionClose;
    }
}
