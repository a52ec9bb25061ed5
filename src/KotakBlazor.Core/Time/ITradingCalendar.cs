namespace KotakBlazor.Core.Time;

/// <summary>
/// Which days the exchange trades. The risk engine, the simulator, the order-status verifier and the
/// end-of-day cleanup ask this, so a holiday is a holiday everywhere.
/// </summary>
public interface ITradingCalendar
{
    /// <summary>Whether <paramref name="date"/> (an IST date) is a trading day: a weekday that is not a holiday.</summary>
    bool IsTradingDay(DateOnly date);

    /// <summary>The holiday's name if <paramref name="date"/> is an exchange holiday on a weekday; otherwise null.</summary>
    string? HolidayName(DateOnly date);

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    DateOnly NextTradingDay(DateOnly date);

    /// <summary>The last trading day strictly before <paramref name="date"/>.</summary>
    DateOnly PreviousTradingDay(DateOnly date);
}

/// <summary>Monday to Friday, no holidays: the default until a holiday list is configured.</summary>
public sealed class WeekdayTradingCalendar : ITradingCalendar
{
    /// <inheritdoc />
    public bool IsTradingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <inheritdoc />
    public string? HolidayName(DateOnly date) => null;

    /// <inheritdoc />
    public DateOnly NextTradingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsTradingDay(date));
        return date;
    }

    /// <inheritdoc />
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
