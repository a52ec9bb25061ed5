using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>
/// Archives completed tracking entries in SQLite. An order is completed when it is final (filled,
/// rejected, cancelled) and its position is not held (an exit, a closed entry, or one that never
/// filled); it is archived once it has not changed since the cutoff. Archiving writes a mark per
/// order and keeps the order, its append-only history and its fills where they are, so nothing an
/// audit or the journal reads disappears. Notifications older than the cutoff whose deliveries are
/// all finished are removed with their centre entries.
/// </summary>
public sealed class OperationsArchive(IDbContextFactory<KotakDbContext> contexts, TimeProvider clock) : IOperationsArchive
{
    private static readonly OrderStatus[] Final = [OrderStatus.Filled, OrderStatus.Rejected, OrderStatus.Cancelled];

    /// <inheritdoc />
    public async Task<ArchiveResult> ArchiveAsync(DateTimeOffset completedBefore, Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var completed = await db.Orders.AsNoTracking()
            .Where(o => Final.Contains(o.Status) && o.Position != PositionState.Ongoing && o.UpdatedAt < completedBefore)
            .Where(o => !db.ArchivedOrders.Any(a => a.OrderId == o.Id))
            .Select(o => new { o.Id, o.Status, o.UpdatedAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.ArchivedOrders.AddRange(completed.Select(o => new ArchivedOrderRecord { OrderId = o.Id, Status = o.Status, CompletedAt = o.UpdatedAt, ArchivedAt = now, RunId = runId }));
        await db.SaveChangesAsync(cancellationToken);

        // A notification still pending for Telegram stays, however old: the outbox never loses one.
        var removed = await db.Notifications
            .Where(n => n.CreatedAt < completedBefore)
            .Where(n => !db.NotificationDeliveries.Any(d => d.NotificationId == n.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteDeleteAsync(cancellationToken);
        return new ArchiveResult(completed.Count, removed);
    }
}
