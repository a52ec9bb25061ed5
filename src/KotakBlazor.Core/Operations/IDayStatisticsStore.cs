namespace KotakBlazor.Core.Operations;

/// <summary>Where each day's statistics are kept, with the summary that was sent for it.</summary>
public interface IDayStatisticsStore
{
    /// <summary>Stores the day's figures, replacing earlier figures of the same day; what was sent stays recorded.</summary>
    Task SaveAsync(DayStatistics statistics, CancellationToken cancellationToken);

    /// <summary>The stored figures of a day, or null.</summary>
    Task<StoredDayStatistics?> LoadAsync(DateOnly tradingDay, CancellationToken cancellationToken);

    /// <summary>The stored days, newest first.</summary>
    Task<IReadOnlyList<StoredDayStatistics>> LoadRecentAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="summary"/> was sent for the day.</summary>
    Task MarkSummarySentAsync(DateOnly tradingDay, string summary, DateTimeOffset sentAt, CancellationToken cancellationToken);
}
