using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Reconciliation;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>In-memory manual trades (the SQLite store is tested in Infrastructure).</summary>
internal sealed class MemoryManualTradeStore : IManualTradeStore
{
    private readonly List<ManualTrade> _trades = [];

    public IReadOnlyList<ManualTrade> All => [.. _trades];

    public Task<ManualTrade> RecordAsync(ManualTrade trade, CancellationToken cancellationToken)
    {
        var existing = _trades.FindIndex(t => t.Id == trade.Id || (trade.BrokerOrderId is not null && t.BrokerOrderId == trade.BrokerOrderId));
        if (existing >= 0)
        {
            _trades[existing] = trade with { Id = _trades[existing].Id };
            return Task.FromResult(_trades[existing]);
        }

        _trades.Add(trade);
        return Task.FromResult(trade);
    }

    public Task<ManualTrade?> ResolveAsync(Guid id, ManualTradeStatus status, string resolvedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult<ManualTrade?>(null);

    public Task<IReadOnlyList<ManualTrade>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ManualTrade>>([.. _trades]);
}

/// <summary>In-memory run history.</summary>
internal sealed class MemoryRunStore : IEndOfDayRunStore
{
    private readonly List<EndOfDayRun> _saves = [];

    /// <summary>Every save, in order (a run appears once per progress step).</summary>
    public IReadOnlyList<EndOfDayRun> Saves => [.. _saves];

    public bool Broken { get; set; }

    public Task SaveAsync(EndOfDayRun run, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new IOException("disk full");
        }

        _saves.Add(run);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EndOfDayRun>> LoadRecentAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EndOfDayRun>>([.. _saves.GroupBy(r => r.Id).Select(g => g.Last()).OrderByDescending(r => r.StartedAt).Take(limit)]);
}

/// <summary>In-memory day statistics.</summary>
internal sealed class MemoryDayStatisticsStore : IDayStatisticsStore
{
    private readonly Dictionary<DateOnly, StoredDayStatistics> _days = [];

    public Task SaveAsync(DayStatistics statistics, CancellationToken cancellationToken)
    {
        _days[statistics.TradingDay] = _days.TryGetValue(statistics.TradingDay, out var old) ? old with { Statistics = statistics } : new StoredDayStatistics(statistics, null, null);
        return Task.CompletedTask;
    }

    public Task<StoredDayStatistics?> LoadAsync(DateOnly tradingDay, CancellationToken cancellationToken) =>
        Task.FromResult(_days.GetValueOrDefault(tradingDay));

    public Task<IReadOnlyList<StoredDayStatistics>> LoadRecentAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDayStatistics>>([.. _days.Values.OrderByDescending(d => d.Statistics.TradingDay).Take(limit)]);

    public Task MarkSummarySentAsync(DateOnly tradingDay, string summary, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        _days[tradingDay] = _days[tradingDay] with { SentSummary = summary, SummarySentAt = sentAt };
        return Task.CompletedTask;
    }
}

/// <summary>Notifications published, in order.</summary>
internal sealed class RecordingNotifier : INotifier
{
    private readonly List<Notification> _published = [];

    public IReadOnlyList<Notification> Published => [.. _published];

    public ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        _published.Add(notification);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A day's statistics computed by the test.</summary>
internal sealed class FixedStatisticsSource(Func<DateOnly, DayStatistics> compute) : IDayStatisticsSource
{
    public Func<DateOnly, DayStatistics> Compute { get; set; } = compute;

    public Task<DayStatistics> ComputeAsync(DateOnly tradingDay, CancellationToken cancellationToken) => Task.FromResult(Compute(tradingDay));
}

/// <summary>Counts archive passes and backups; either may be told to fail.</summary>
internal sealed class RecordingArchiveAndBackup : IOperationsArchive, IDatabaseBackup
{
    private readonly List<DateTimeOffset> _archiveCutoffs = [];
    private readonly List<DateOnly> _backups = [];

    public IReadOnlyList<DateTimeOffset> ArchiveCutoffs => [.. _archiveCutoffs];

    public IReadOnlyList<DateOnly> Backups => [.. _backups];

    public string? ArchiveFailure { get; set; }

    public string? BackupFailure { get; set; }

    public Task<ArchiveResult> ArchiveAsync(DateTimeOffset completedBefore, Guid runId, CancellationToken cancellationToken)
    {
        if (ArchiveFailure is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        _archiveCutoffs.Add(completedBefore);
        return Task.FromResult(new ArchiveResult(_archiveCutoffs.Count == 1 ? 3 : 0, 0));
    }

    public Task<BackupResult> BackupAsync(DateOnly tradingDay, CancellationToken cancellationToken)
    {
        if (BackupFailure is { } failure)
        {
            throw new IOException(failure);
        }

        _backups.Add(tradingDay);
        return Task.FromResult(new BackupResult($"/data/backups/kotakblazor-{tradingDay:yyyy-MM-dd}.db", 2048, []));
    }
}
