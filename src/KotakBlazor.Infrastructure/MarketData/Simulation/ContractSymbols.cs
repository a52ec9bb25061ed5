using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// NSE derivative trading symbols as Kotak's scrip master writes them (<c>pTrdSymbol</c>):
/// weekly option <c>NIFTY26D0126000CE</c> (YY, month 1-9/O/N/D, DD), monthly option
/// <c>NIFTY26NOV26000CE</c>, future <c>NIFTY26NOVFUT</c>. The contract expiring on the
/// month's last expiry day is the monthly contract and carries the monthly form.
/// </summary>
public static class ContractSymbols
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>An option's symbol: the monthly form on a monthly expiry (moved off a holiday of <paramref name="calendar"/> or not), the weekly form otherwise.</summary>
    public static string Option(string underlying, DateOnly expiry, decimal strike, OptionType type, ITradingCalendar? calendar = null) =>
        NiftyExpiryCalendar.IsMonthlyExpiry(expiry, calendar)
            ? MonthlyOption(underlying, expiry, strike, type)
            : WeeklyOption(underlying, expiry, strike, type);

    /// <summary>The weekly form, e.g. <c>NIFTY26D0126000CE</c>.</summary>
    public static string WeeklyOption(string underlying, DateOnly expiry, decimal strike, OptionType type) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{underlying}{expiry.Year % 100:00}{WeeklyMonthCode(expiry.Month)}{expiry.Day:00}{FormatStrike(strike)}{Suffix(type)}");

    /// <summary>The monthly form, e.g. <c>NIFTY26NOV26000CE</c>.</summary>
    public static string MonthlyOption(string underlying, DateOnly expiry, decimal strike, OptionType type) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{underlying}{expiry.Year % 100:00}{MonthNames[expiry.Month - 1]}{FormatStrike(strike)}{Suffix(type)}");

    /// <summary>A future's symbol, e.g. <c>NIFTY26NOVFUT</c>.</summary>
    public static string Future(string underlying, DateOnly expiry) =>
        string.Create(CultureInfo.InvariantCulture, $"{underlying}{expiry.Year % 100:00}{MonthNames[expiry.Month - 1]}FUT");

    /// <summary>An option's name for people, e.g. "NIFTY 24 NOV 26 26000 CE".</summary>
    public static string OptionDescription(string underlying, DateOnly expiry, decimal strike, OptionType type) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{underlying} {expiry.Day:00} {MonthNames[expiry.Month - 1]} {expiry.Year % 100:00} {FormatStrike(strike)} {Suffix(type)}");

    /// <summary>A future's name for people, e.g. "NIFTY 24 NOV 26 FUT".</summary>
    public static string FutureDescription(string underlying, DateOnly expiry) =>
        string.Create(CultureInfo.InvariantCulture, $"{underlying} {expiry.Day:00} {MonthNames[expiry.Month - 1]} {expiry.Year % 100:00} FUT");

    /// <summary>The one-character month of weekly symbols: 1-9 for January to September, then O, N, D.</summary>
    public static char WeeklyMonthCode(int month) => month switch
    {
        >= 1 and <= 9 => (char)('0' + month),
        10 => 'O',
        11 => 'N',
        12 => 'D',
        _ => throw new ArgumentOutOfRangeException(nameof(month), month, "A month is 1 to 12."),
    };

    private static string Suffix(OptionType type) => type == OptionType.Call ? "CE" : "PE";

    private static string FormatStrike(decimal strike) => strike.ToString("0.##", CultureInfo.InvariantCulture);
}
