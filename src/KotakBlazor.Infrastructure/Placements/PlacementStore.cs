using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>
/// Placements in SQLite: the placement row, its legs, and one row per order with its idempotency
/// key and, once sent, the order desk's order id, tag and broker number. Each save is one
/// transaction, so a restart finds either the state before a step or the state after it.
/// </summary>
public sealed class PlacementStore(IDbContextFactory<KotakDbContext> contextFactory) : IPlacementStore
{
    private static readonly PlacementStatus[] Unsettled = [PlacementStatus.Ready, PlacementStatus.Running, PlacementStatus.Stopped, PlacementStatus.Unwinding];
    private static readonly PlacementStatus[] Holding = [PlacementStatus.Completed, PlacementStatus.Kept];

    public async Task<bool> TryCreateAsync(Placement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Set<PlacementRecord>().Add(PlacementMapping.ToRecord(placement));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // The id (or a key derived from it) is stored already: another tab or node executed it first.
            return false;
        }
    }

    public async Task SaveAsync(Placement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Set<PlacementRecord>().Include(p => p.Orders).SingleOrDefaultAsync(p => p.Id == placement.Id, cancellationToken);
        if (record is null)
        {
            db.Set<PlacementRecord>().Add(PlacementMapping.ToRecord(placement));
        }
        else
        {
            PlacementMapping.CopyState(placement, record);
            var stored = record.Orders.ToDictionary(o => o.IdempotencyKey, StringComparer.Ordinal);
            for (var i = 0; i < placement.Orders.Count; i++)
            {
                var order = placement.Orders[i];
                if (stored.TryGetValue(order.IdempotencyKey, out var row))
                {
                    PlacementMapping.CopyOrder(i, order, row);
                }
                else
                {
                    record.Orders.Add(PlacementMapping.ToRecord(placement.Id, i, order));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Placement?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await Whole(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return record is null ? null : PlacementMapping.ToPlacement(record);
    }

    public async Task<IReadOnlyList<Placement>> LoadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var placements = db.Set<PlacementRecord>().AsNoTracking();
        // Recent ones, unsettled ones, and entries whose position is still open, with everything done to them since.
        var roots = await placements
            .Where(p => p.CreatedAt >= since || Unsettled.Contains(p.Status) || (p.Kind == PlacementKind.Entry && p.ClosedAt == null && Holding.Contains(p.Status)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var records = await Whole(db)
            .Where(p => roots.Contains(p.Id) || (p.ParentId != null && roots.Contains(p.ParentId.Value)))
            .ToListAsync(cancellationToken);
        return [.. records.OrderByDescending(r => r.CreatedAt).Select(PlacementMapping.ToPlacement)];
    }

    private static IQueryable<PlacementRecord> Whole(KotakDbContext db) =>
        db.Set<PlacementRecord>().AsNoTracking().AsSplitQuery().Include(p => p.Legs).Include(p => p.Orders);
}
