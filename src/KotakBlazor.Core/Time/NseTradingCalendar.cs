using System.Globalization;

namespace KotakBlazor.Core.Time;

/// <summary>
/// NSE trading days: Monday to Friday except the exchange holidays it is given (the year's
/// holiday circular, from configuration). A year with no holiday listed trades every weekday,
/// so the list must be renewed each December.
/// </summary>
public sealed class NseTradingCalendar : ITradingCalendar
{
    // Far more than the longest run of closed days any exchange has had; a safety net against a
    // list that closes every day, not a business rule.
    private const int MaxClosedRun = 60;

    private readonly Dictionary<DateOnly, string> _holidays;

    /// <summary>Creates the calendar.</summary>
    /// <exception cref="ArgumentException">A date is listed twice or a holiday has no name.</exception>
    public NseTradingCalendar(IEnumerable<MarketHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [];
        foreach (var holiday in holidays)
        {
            ArgumentNullException.ThrowIfNull(holiday, nameof(holidays));
            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                throw new ArgumentException(Invariant($"The holiday on {holiday.Date:yyyy-MM-dd} has no name."), nameof(holidays));
            }

            if (!_holidays.TryAdd(holiday.Date, holiday.Name.Trim()))
            {
                throw new ArgumentException(Invariant($"{holiday.Date:yyyy-MM-dd} is listed twice ('{_holidays[holiday.Date]}' and '{holiday.Name}')."), nameof(holidays));
            }
        }

        Holidays = [.. _holidays.Select(h => new MarketHoliday(h.Key, h.Value)).OrderBy(h => h.Date)];
    }

    /// <summary>Every listed holiday, by date (weekend ones included, as the circular lists them).</summary>
    public IReadOnlyList<MarketHoliday> Holidays { get; }

    /// <summary>Whether any holiday of <paramref name="year"/> is listed: a year without any is probably a list nobody renewed.</summary>
    public bool HasHolidaysFor(int year) => _holidays.Keys.Any(d => d.Year == year);

    /// <inheritdoc />
    public bool IsTradingDay(DateOnly date) => !IsWeekend(date) && !_holidays.ContainsKey(date);

    /// <inheritdoc />
    public string? HolidayName(DateOnly date) => !IsWeekend(date) && _holidays.TryGetValue(date, out var name) ? name : null;

    /// <inheritdoc />
    public DateOnly NextTradingDay(DateOnly date) => Step(date, 1);

    /// <inheritdoc />
    public DateOnly PreviousTradingDay(DateOnly date) => Step(date, -1);

    private DateOnly Step(DateOnly date, int direction)
    {
        for (var i = 0; i < MaxClosedRun; i++)
        {
            date = date.AddDays(direction);
            if (IsTradingDay(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException(Invariant($"No trading day within {MaxClosedRun} days of {date:yyyy-MM-dd}: the holiday list is wrong."));
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
