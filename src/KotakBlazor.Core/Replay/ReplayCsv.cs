using System.Globalization;

namespace KotakBlazor.Core.Replay;

/// <summary>
/// What the tick and bar CSV formats share: their headers and how a timestamp is written.
/// Values are plain, unquoted and invariant-culture (a dot before decimals, no thousands
/// separators); timestamps are ISO-8601 with a UTC offset, so a file means the same instant
/// on every machine.
/// </summary>
public static class ReplayCsv
{
    /// <summary>The header of a tick file.</summary>
    public const string TickHeader = "timestamp,symbol,ltp,qty,volume,oi";

    /// <summary>The header of a bar file (one instrument, named outside the file).</summary>
    public const string BarHeader = "timestamp,open,high,low,close,volume";

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mmzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd HH:mm'Z'",
    ];

    // The same shapes without an offset: recognised only to say what is missing.
    private static readonly string[] LocalFormats = Array.ConvertAll(OffsetFormats, f => f.Replace("zzz", string.Empty, StringComparison.Ordinal));

    /// <summary>Which format a header line announces (case and spaces around names ignored); null when neither.</summary>
    public static ReplayFormat? DetectFormat(string? headerLine)
    {
        if (HeaderMatches(headerLine, TickHeader))
        {
            return ReplayFormat.Ticks;
        }

        return HeaderMatches(headerLine, BarHeader) ? ReplayFormat.Bars : null;
    }

    /// <summary>
    /// Parses an ISO-8601 timestamp that carries its UTC offset (<c>+05:30</c> or <c>Z</c>),
    /// such as <c>2026-11-23T09:15:00+05:30</c> or what <see cref="FormatTimestamp"/> writes.
    /// A time without an offset is refused: it would mean a different instant on another machine.
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset time) => ParseTimestamp(text, out time) is null;

    /// <summary>Writes a timestamp the way the files hold it: the round-trip (<c>O</c>) format, offset kept.</summary>
    public static string FormatTimestamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    internal static bool HeaderMatches(string? line, string expected)
    {
        if (line is null)
        {
            return false;
        }

        // A byte-order mark survives when the caller's reader did not strip it.
        var names = line.TrimStart('\uFEFF').Split(',');
        var wanted = expected.Split(',');
        if (names.Length != wanted.Length)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i].Trim(), wanted[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    internal static string HeaderProblem(string? line, string expected) => line is null
        ? $"The file is empty: the first line must be the header '{expected}'."
        : $"The first line must be the header '{expected}'; found '{Shorten(line)}'.";

    /// <summary>Null when parsed; otherwise what is wrong.</summary>
    internal static string? ParseTimestamp(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "timestamp is empty";
        }

        var value = text.Trim();
        if (DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
            || DateTimeOffset.TryParseExact(value, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return null;
        }

        time = default;
        return DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"timestamp '{Shorten(value)}' has no UTC offset (write it like 2026-11-23T09:15:00+05:30 or 2026-11-23T03:45:00Z)"
            : $"timestamp '{Shorten(value)}' is not ISO-8601 (write it like 2026-11-23T09:15:00+05:30)";
    }

    /// <summary>Null when parsed; otherwise what is wrong.</summary>
    internal static string? ParsePrice(string name, string text, out decimal value)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return text.Length == 0 ? $"{name} is empty" : $"{name} '{Shorten(text)}' is not a number";
        }

        return value > 0m ? null : string.Create(CultureInfo.InvariantCulture, $"{name} {value} is not positive");
    }

    /// <summary>Null when parsed; otherwise what is wrong.</summary>
    internal static string? ParseCount(string name, string text, out long value)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return text.Length == 0 ? $"{name} is empty" : $"{name} '{Shorten(text)}' is not a whole number";
        }

        return value >= 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{name} {value} is negative");
    }

    internal static string ColumnCountProblem(int found, string header)
    {
        var expected = header.Split(',').Length;
        return found < expected
            ? string.Create(CultureInfo.InvariantCulture, $"missing column: expected {expected} ({header}), found {found}")
            : string.Create(CultureInfo.InvariantCulture, $"too many columns: expected {expected} ({header}), found {found}");
    }

    // Keeps a message readable when a line is garbage (a binary file, a wrong delimiter).
    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
