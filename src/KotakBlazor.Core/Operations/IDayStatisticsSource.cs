namespace KotakBlazor.Core.Operations;

/// <summary>Computes a day's statistics from the journal and the order book (the host wires in the journal).</summary>
public interface IDayStatisticsSource
{
    /// <summary>The figures of <paramref name="tradingDay"/> as they stand now.</summary>
    Task<DayStatistics> ComputeAsync(DateOnly tradingDay, CancellationToken cancellationToken);
}
