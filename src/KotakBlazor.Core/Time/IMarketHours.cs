namespace KotakBlazor.Core.Time;

/// <summary>
/// When the exchange takes orders: the normal session, and the after-market-order window in
/// which orders are accepted to wait for the next open. The market calendar (holidays) plugs
/// in behind this.
/// </summary>
public interface IMarketHours
{
    /// <summary>Whether the normal session is open at <paramref name="time"/>.</summary>
    bool IsOpen(DateTimeOffset time);

    /// <summary>Whether an after-market order may be placed at <paramref name="time"/> (the market is closed and the AMO window open).</summary>
    bool IsAfterMarketWindow(DateTimeOffset time);

    /// <summary>The next session open at or after <paramref name="time"/>.</summary>
    DateTimeOffset NextOpen(DateTimeOffset time);
}

/// <summary>NSE's normal session, Monday to Friday 09:15-15:30 IST; AMO accepted from 16:00 to 08:59 IST and on weekends. Holidays are not known here.</summary>
public sealed class NseMarketHours : IMarketHours
{
    private static readonly TimeOnly AmoOpens = new(16, 0);
    private static readonly TimeOnly AmoCloses = new(9, 0);

    /// <inheritdoc />
    public bool IsOpen(DateTimeOffset time) => IndianMarketTime.IsNormalSessionOpen(time);

    /// <inheritdoc />
    public bool IsAfterMarketWindow(DateTimeOffset time)
    {
        var ist = IndianMarketTime.ToIst(time);
        if (ist.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        var clock = TimeOnly.FromDateTime(ist.DateTime);
        return clock >= AmoOpens || clock < AmoCloses;
    }

    /// <inheritdoc />
    public DateTimeOffset NextOpen(DateTimeOffset time)
    {
        var date = IndianMarketTime.IstDate(time);
        for (var i = 0; i < 8; i++, date = date.AddDays(1))
        {
            var open = IndianMarketTime.AtIst(date, IndianMarketTime.SessionOpen);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && IndianMarketTime.AtIst(date, IndianMarketTime.SessionClose) > time)
            {
                return open > time ? open : time;
            }
        }

        throw new InvalidOperationException("No session open within a week.");
    }
}

/// <summary>A market that never closes: the simulator running round the clock for demos and development.</summary>
public sealed class AlwaysOpenMarketHours : IMarketHours
{
    /// <inheritdoc />
    public bool IsOpen(DateTimeOffset time) => true;

    /// <inheritdoc />
    public bool IsAfterMarketWindow(DateTimeOffset time) => false;

    /// <inheritdoc />
    public DateTimeOffset NextOpen(DateTimeOffset time) => time;
}
