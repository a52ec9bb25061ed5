using System.Globalization;

namespace KotakBlazor.Web.Operations;

/// <summary>Configuration section <c>Operations</c>: the order status verifier, the end-of-day cleanup and the expiry watch. Times are IST.</summary>
public sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Operations";

    /// <summary>Seconds between two checks of the pending orders against the broker, during market hours (0: never).</summary>
    public int VerifierIntervalSeconds { get; set; } = 30;

    /// <summary>When the end-of-day cleanup runs on trading days, IST (HH:mm); empty: only on demand.</summary>
    public string EndOfDayTime { get; set; } = "15:45";

    /// <summary>Days a daily backup is kept.</summary>
    public int BackupRetentionDays { get; set; } = 7;

    /// <summary>Days after which a completed order is archived and a delivered notification removed.</summary>
    public int ArchiveAfterDays { get; set; } = 30;

    /// <summary>Hours an order may stay pending before the cleanup closes it as stale.</summary>
    public double StaleOrderHours { get; set; } = 24;

    /// <summary>When positions in contracts expiring today are flagged, IST (HH:mm), before the close.</summary>
    public string ExpiryWarningTime { get; set; } = "14:30";

    /// <summary>Seconds between two looks at the market feeds' health (feed down / back notifications).</summary>
    public int FeedCheckSeconds { get; set; } = 5;

    /// <summary><see cref="EndOfDayTime"/> parsed; null when empty (no scheduled run).</summary>
    public TimeOnly? EndOfDay => ParseTime(EndOfDayTime, nameof(EndOfDayTime));

    /// <summary><see cref="ExpiryWarningTime"/> parsed; null when empty (no warning).</summary>
    public TimeOnly? ExpiryWarning => ParseTime(ExpiryWarningTime, nameof(ExpiryWarningTime));

    private static TimeOnly? ParseTime(string text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new FormatException($"Operations:{name} '{text}' is not a time of day (HH:mm, IST).");
}
