using System.Globalization;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>The time formats Kotak's pushed messages use, all on the IST wall clock.</summary>
internal static class KotakTimes
{
    // hsUpTm "2026/02/16 12:29:31"; ordDtTm "16-Feb-2026 12:29:31"; flDtTm "22-Jan-2025 14:28:16".
    private static readonly string[] Formats = ["yyyy/MM/dd HH:mm:ss", "dd-MMM-yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss"];

    public static bool TryParseIst(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is null || !DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return false;
        }

        time = new DateTimeOffset(wallClock, IndianMarketTime.Offset);
        return true;
    }

    /// <summary>The update time of a pushed order or position: <c>hsUpTm</c>, else <c>updRecvTm</c> (nanoseconds), else <c>ordDtTm</c>, else now.</summary>
    public static DateTimeOffset UpdatedAt(KotakMessageFields fields, DateTimeOffset now)
    {
        if (TryParseIst(fields.Text("hsUpTm"), out var updated))
        {
            return updated;
        }

        if (fields.TryLong("updRecvTm", out var raw) && raw > 0)
        {
            return SFeedTicks.Time(raw, now);
        }

        return TryParseIst(fields.Text("ordDtTm"), out var placed) ? placed : now;
    }
}
