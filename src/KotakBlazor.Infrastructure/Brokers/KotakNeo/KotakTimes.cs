using System.Globalization;
using System.Text.Json;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Kotak's timestamps: IST wall-clock texts in several layouts, and epoch numbers in seconds or nanoseconds.</summary>
public static class KotakTimes
{
    private static readonly string[] Layouts =
    [
        "dd-MMM-yyyy HH:mm:ss", "d-MMM-yyyy HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "dd-MM-yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd-MMM-yyyy", "dd MMM, yyyy",
    ];

    /// <summary>An IST wall-clock text (<c>22-Jan-2025 14:28:01</c>, <c>2025/01/22 14:28:01</c>, history's <c>22-Jan-2025 14: 32: 53</c>).</summary>
    public static DateTimeOffset? ParseIst(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Order history writes "14: 32: 53".
        var cleaned = text.Trim().Replace(": ", ":", StringComparison.Ordinal);
        return DateTime.TryParseExact(cleaned, Layouts, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), IndianMarketTime.Offset).ToUniversalTime()
            : null;
    }

    /// <summary>An epoch number: seconds, milliseconds, microseconds or nanoseconds, told apart by size.</summary>
    public static DateTimeOffset? ParseEpoch(long? value) => value switch
    {
        null or <= 0 => null,
        < 100_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(value.Value),
        < 100_000_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(value.Value),
        < 100_000_000_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(value.Value / 1_000),
        _ => DateTimeOffset.FromUnixTimeMilliseconds(value.Value / 1_000_000),
    };

    /// <summary>When an order row last changed: <c>updRecvTm</c> (ns), <c>hsUpTm</c>, <c>flDtTm</c>, <c>exCfmTm</c>, <c>ordDtTm</c>, else <paramref name="fallback"/>.</summary>
    public static DateTimeOffset OrderUpdatedAt(JsonElement row, DateTimeOffset fallback) =>
        ParseEpoch(KotakJson.Long(row, "updRecvTm"))
        ?? ParseIst(KotakJson.Text(row, "hsUpTm"))
        ?? ParseIst(KotakJson.Text(row, "flDtTm"))
        ?? ParseIst(KotakJson.Text(row, "exCfmTm"))
        ?? ParseIst(KotakJson.Text(row, "ordDtTm"))
        ?? fallback;

    /// <summary>When a trade happened: <c>flDt</c> + <c>flTm</c>, else <c>exTm</c>, <c>hsUpTm</c>, <c>updRecvTm</c>, else <paramref name="fallback"/>.</summary>
    public static DateTimeOffset TradeTime(JsonElement row, DateTimeOffset fallback)
    {
        var date = KotakJson.Text(row, "flDt");
        var time = KotakJson.Text(row, "flTm");
        return (date is not null && time is not null ? ParseIst(date + " " + time) : null)
            ?? ParseIst(KotakJson.Text(row, "exTm"))
            ?? ParseIst(KotakJson.Text(row, "hsUpTm"))
            ?? ParseEpoch(KotakJson.Long(row, "updRecvTm"))
            ?? fallback;
    }
}
