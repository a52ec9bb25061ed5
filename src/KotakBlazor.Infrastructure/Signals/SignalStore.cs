using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Signals;

/// <summary>Signals in SQLite, appended as strategies raise them and never changed.</summary>
public sealed class SignalStore(IDbContextFactory<KotakDbContext> contextFactory)
{
    public async Task AppendAsync(IReadOnlyCollection<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Signals.AddRange(signals.Select(ToRecord));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The latest signals, newest first, optionally of one strategy.</summary>
    public async Task<IReadOnlyList<Signal>> RecentAsync(int count, Guid? strategyId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Signals.AsNoTracking();
        if (strategyId is { } id)
        {
            query = query.Where(s => s.StrategyId == id);
        }

        var records = await query.OrderByDescending(s => s.Time).ThenByDescending(s => s.Id).Take(count).ToListAsync(cancellationToken);
        return [.. records.Select(ToSignal)];
    }

    /// <summary>Signals per strategy since an instant (the start of the IST day, for "signals today" after a restart).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Signals.Where(s => s.Time >= since)
            .GroupBy(s => s.StrategyId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    private static SignalRecord ToRecord(Signal signal) => new()
    {
        StrategyId = signal.StrategyId,
        StrategyName = signal.StrategyName,
        StrategyKey = signal.StrategyKey,
        Time = signal.Time,
        Kind = signal.Kind.ToString(),
        LegsJson = StoredJson.Write(signal.Legs),
        Product = signal.Product.ToString(),
        StopLoss = signal.StopLoss,
        Target = signal.Target,
        Confidence = signal.Confidence,
        Reason = signal.Reason,
        MetadataJson = StoredJson.Write(signal.Metadata),
    };

    private static Signal ToSignal(SignalRecord record) => new(
        record.StrategyId,
        record.StrategyName,
        record.StrategyKey,
        record.Time,
        Enum.Parse<SignalKind>(record.Kind),
        StoredJson.Read<List<SignalLeg>>(record.LegsJson),
        Enum.Parse<ProductType>(record.Product),
        record.StopLoss,
        record.Target,
        record.Confidence,
        record.Reason,
        StoredJson.Read<Dictionary<string, string>>(record.MetadataJson));
}
