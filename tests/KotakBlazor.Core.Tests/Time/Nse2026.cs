using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Time;

/// <summary>NSE's 2026 equity holidays (circular of December 2025 and the January election holiday) and IST instants for tests.</summary>
internal static class Nse2026
{
    public static readonly MarketHoliday[] Holidays =
    [
        new(new DateOnly(2026, 1, 15), "Municipal Corporation Election - Maharashtra"),
        new(new DateOnly(2026, 1, 26), "Republic Day"),
        new(new DateOnly(2026, 3, 3), "Holi"),
        new(new DateOnly(2026, 3, 26), "Shri Ram Navami"),
        new(new DateOnly(2026, 3, 31), "Shri Mahavir Jayanti"),
        new(new DateOnly(2026, 4, 3), "Good Friday"),
        new(new DateOnly(2026, 4, 14), "Dr. Baba Saheb Ambedkar Jayanti"),
        new(new DateOnly(2026, 5, 1), "Maharashtra Day"),
        new(new DateOnly(2026, 5, 28), "Bakri Id"),
        new(new DateOnly(2026, 6, 26), "Muharram"),
        new(new DateOnly(2026, 8, 15), "Independence Day"),
        new(new DateOnly(2026, 9, 14), "Ganesh Chaturthi"),
        new(new DateOnly(2026, 10, 2), "Mahatma Gandhi Jayanti"),
        new(new DateOnly(2026, 10, 20), "Dussehra"),
        new(new DateOnly(2026, 11, 10), "Diwali Balipratipada"),
        new(new DateOnly(2026, 11, 24), "Prakash Gurpurb Sri Guru Nanak Dev"),
        new(new DateOnly(2026, 12, 25), "Christmas"),
    ];

    public static NseTradingCalendar Calendar() => new(Holidays);

    public static DateTimeOffset Ist(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, IndianMarketTime.Offset);
}
