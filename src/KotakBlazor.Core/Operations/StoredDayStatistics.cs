namespace KotakBlazor.Core.Operations;

/// <summary>A day's stored figures and the summary last sent for it.</summary>
/// <param name="Statistics">The figures.</param>
/// <param name="SentSummary">The exact text last sent as the end-of-day notification; null when none was sent.</param>
/// <param name="SummarySentAt">When.</param>
public sealed record StoredDayStatistics(DayStatistics Statistics, string? SentSummary, DateTimeOffset? SummarySentAt);
