using System.Globalization;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>
/// Money, percentages and times as the risk, journal and session pages write them: rupees with
/// two decimals, times in IST, the invariant culture (the same digits whatever the browser's language).
/// </summary>
public static class DeskText
{
    public static string Money(decimal rupees) =>
        (rupees < 0 ? "-\u20b9" : "\u20b9") + Math.Abs(rupees).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>P&amp;L with its sign, so a glance tells profit from loss without colour.</summary>
    public static string Pnl(decimal rupees) => (rupees > 0 ? "+" : string.Empty) + Money(rupees);

    /// <summary>The CSS class that colours a P&amp;L.</summary>
    public static string PnlClass(decimal rupees) => rupees > 0 ? "up" : rupees < 0 ? "down" : string.Empty;

    public static string Price(decimal price) => price.ToString("#,0.00##", CultureInfo.InvariantCulture);

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Count(int count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>HH:mm:ss IST.</summary>
    public static string IstTime(DateTimeOffset time) =>
        IndianMarketTime.ToIst(time).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>dd MMM yyyy HH:mm:ss IST.</summary>
    public static string IstDateTime(DateTimeOffset time) =>
        IndianMarketTime.ToIst(time).ToString("dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>HH:mm when <paramref name="time"/> is on <paramref name="now"/>'s IST day, else dd MMM HH:mm.</summary>
    public static string IstClock(DateTimeOffset time, DateTimeOffset now) =>
        IndianMarketTime.ToIst(time).ToString(
            IndianMarketTime.IstDate(time) == IndianMarketTime.IstDate(now) ? "HH:mm" : "dd MMM HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("ddd dd MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A holding time: 45s, 12m 05s, 3h 20m, 2d 4h.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Seconds}s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m {span.Seconds:00}s"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes:00}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h"),
    };
}
