using KotakBlazor.Core.Operations;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>Each trading day's statistics in SQLite, one row a day.</summary>
public sealed class DayStatisticsStore(IDbContextFactory<KotakDbContext> contexts) : IDayStatisticsStore
{
    /// <inheritdoc />
    public async Task SaveAsync(DayStatistics statistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DayStatistics.FindAsync([statistics.TradingDay], cancellationToken);
        if (row is null)
        {
            row = new DayStatisticsRecord { TradingDay = statistics.TradingDay };
            db.DayStatistics.Add(row);
        }

        row.RoundTrips = statistics.RoundTrips;
        row.Wins = statistics.Wins;
        row.Losses = statistics.Losses;
        row.WinRate = statistics.WinRate;
        row.NetPnl = statistics.NetPnl;
        row.GrossProfit = statistics.GrossProfit;
        row.GrossLoss = statistics.GrossLoss;
        row.ProfitFactor = statistics.ProfitFactor;
        row.MaxDrawdown = statistics.MaxDrawdown;
        row.OrdersPlaced = statistics.OrdersPlaced;
        row.OrdersFilled = statistics.OrdersFilled;
        row.OrdersRejected = statistics.OrdersRejected;
        row.OrdersCancelled = statistics.OrdersCancelled;
        row.ComputedAt = statistics.ComputedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredDayStatistics?> LoadAsync(DateOnly tradingDay, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DayStatistics.AsNoTracking().SingleOrDefaultAsync(d => d.TradingDay == tradingDay, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDayStatistics>> LoadRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DayStatistics.AsNoTracking().OrderByDescending(d => d.TradingDay).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(ToStored)];
    }

    /// <inheritdoc />
    public async Task MarkSummarySentAsync(DateOnly tradingDay, string summary, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DayStatistics.Where(d => d.TradingDay == tradingDay)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.SentSummary, summary).SetProperty(d => d.SummarySentAt, sentAt), cancellationToken);
    }

    private static StoredDayStatistics ToStored(DayStatisticsRecord row) => new(
        new DayStatistics(row.TradingDay, row.RoundTrips, row.Wins, row.Losses, row.WinRate, row.NetPnl, row.GrossProfit, row.GrossLoss,
            row.ProfitFactor, row.MaxDrawdown, row.OrdersPlaced, row.OrdersFilled, row.OrdersRejected, row.OrdersCancelled, row.ComputedAt),
        row.SentSummary,
        row.SummarySentAt);
}
