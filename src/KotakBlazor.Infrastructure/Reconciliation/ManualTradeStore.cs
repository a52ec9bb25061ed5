using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Reconciliation;

/// <summary>
/// Manual trades in SQLite. Reconciliation runs on an interval and sees the same manual order or
/// position on every pass; recording it again updates the one row instead of raising a new alert.
/// </summary>
public sealed class ManualTradeStore(IDbContextFactory<KotakDbContext> contextFactory) : IManualTradeStore
{
    public async Task<ManualTrade> RecordAsync(ManualTrade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // IMMEDIATE: two passes racing cannot both miss the existing row and insert twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await FindSameAsync(db, trade, cancellationToken);
        if (record is null)
        {
            record = new ManualTradeRecord
            {
                Id = trade.Id,
                Kind = trade.Kind,
                InstrumentKey = trade.Instrument.ToString(),
                TradingSymbol = trade.TradingSymbol,
                Product = trade.Product,
                BrokerOrderId = trade.BrokerOrderId,
                DetectedAt = trade.DetectedAt,
                Status = trade.Status,
                ResolvedBy = trade.ResolvedBy,
                ResolvedAt = trade.ResolvedAt,
            };
            db.ManualTrades.Add(record);
        }

        // Only what the broker reports moves; the first detection time and the trader's decision stay.
        record.TradingSymbol = trade.TradingSymbol;
        record.Quantity = trade.Quantity;
        record.AveragePrice = trade.AveragePrice;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToTrade(record);
    }

    public async Task<ManualTrade?> ResolveAsync(Guid id, ManualTradeStatus status, string resolvedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (status is not (ManualTradeStatus.Adopted or ManualTradeStatus.Ignored))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A manual trade is resolved by adopting or ignoring it.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ManualTrades.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        record.Status = status;
        record.ResolvedBy = resolvedBy;
        record.ResolvedAt = at;
        await db.SaveChangesAsync(cancellationToken);
        return ToTrade(record);
    }

    public async Task<IReadOnlyList<ManualTrade>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.ManualTrades.AsNoTracking()
            .OrderByDescending(t => t.DetectedAt).ThenBy(t => t.TradingSymbol)
            .ToListAsync(cancellationToken);
        return [.. records.Select(ToTrade)];
    }

    /// <summary>
    /// A broker order is the same trade whatever became of it. Without one (a position or holding),
    /// the same instrument, product and kind is the same trade only while the trader has not decided
    /// about it: quantity appearing after an adopt or ignore is a new finding.
    /// </summary>
    private static Task<ManualTradeRecord?> FindSameAsync(KotakDbContext db, ManualTrade trade, CancellationToken cancellationToken)
    {
        if (trade.BrokerOrderId is { } brokerOrderId)
        {
            return db.ManualTrades.SingleOrDefaultAsync(t => t.BrokerOrderId == brokerOrderId, cancellationToken);
        }

        var key = trade.Instrument.ToString();
        return db.ManualTrades
            .Where(t => t.BrokerOrderId == null && t.InstrumentKey == key && t.Product == trade.Product && t.Kind == trade.Kind && t.Status == ManualTradeStatus.New)
            .OrderBy(t => t.DetectedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static ManualTrade ToTrade(ManualTradeRecord record) => new(
        record.Id,
        record.Kind,
        StoredInstrument.Parse(record.InstrumentKey),
        record.TradingSymbol,
        record.Product,
        record.Quantity,
        record.AveragePrice,
        record.BrokerOrderId,
        record.DetectedAt,
        record.Status,
        record.ResolvedBy,
        record.ResolvedAt);
}
