using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Infrastructure.Operations;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Tests.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Tests.Operations;

/// <summary>What counts as a completed tracking entry, that archiving it loses nothing, and that a second run adds nothing.</summary>
public sealed class OperationsArchiveTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = OrderSamples.Open.AddDays(40);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);
    private readonly Core.Time.ManualClock _clock = new(Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await new TestDatabase(_clock).InitializedAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Final_orders_whose_position_is_not_held_are_archived_once_they_are_older_than_the_cutoff()
    {
        var store = new OrderStore(_db.ContextFactory);
        var old = OrderSamples.Open;
        var closedEntry = await StoreAsync(store, "CLOSED", old, o => o with { Status = OrderStatus.Filled, FilledQuantity = 75, Position = PositionState.Closed, ClosedAt = old });
        var rejected = await StoreAsync(store, "REJECTED", old, o => o with { Status = OrderStatus.Rejected, Reason = "RMS" });
        await StoreAsync(store, "HELD", old, o => o with { Status = OrderStatus.Filled, FilledQuantity = 75, Position = PositionState.Ongoing });
        await StoreAsync(store, "WORKING", old, o => o with { Status = OrderStatus.Open });
        await StoreAsync(store, "RECENT", Now.AddDays(-2), o => o with { Status = OrderStatus.Cancelled });
        var runId = Guid.NewGuid();

        var first = await Archive().ArchiveAsync(Cutoff, runId, None);
        var second = await Archive().ArchiveAsync(Cutoff, Guid.NewGuid(), None);

        Assert.Equal(2, first.OrdersArchived);
        Assert.Equal(0, second.OrdersArchived);
        await using var db = await _db.ContextFactory.CreateDbContextAsync();
        var marks = await db.ArchivedOrders.OrderBy(a => a.Status).ToListAsync();
        Assert.Equal([(closedEntry.Id, OrderStatus.Filled), (rejected.Id, OrderStatus.Rejected)], marks.Select(m => (m.OrderId, m.Status)));
        Assert.All(marks, m => Assert.Equal((runId, Now, old), (m.RunId, m.ArchivedAt, m.CompletedAt)));
        // The orders and their history are still there: archiving marks, it does not move or delete.
        Assert.Equal(5, await db.Orders.CountAsync());
        Assert.NotEmpty(await store.LoadEventsAsync(closedEntry.Id, None));
    }

    [Fact]
    public async Task Old_notifications_are_removed_unless_a_delivery_is_still_pending()
    {
        var outbox = new NotificationOutbox(_db.ContextFactory, _clock);
        await _db.Users.CreateAsync("trader1", "trader-password-long", "Trader", "test", None);
        await outbox.PublishAsync(new Notification(NotificationKind.OrderExecuted, NotificationSeverity.Info, "old, delivered", "", Now), None);
        await outbox.PublishAsync(new Notification(NotificationKind.OrderExecuted, NotificationSeverity.Info, "old, still pending", "", Now), None);
        await outbox.PublishAsync(new Notification(NotificationKind.OrderExecuted, NotificationSeverity.Info, "recent", "", Now), None);
        await using (var db = await _db.ContextFactory.CreateDbContextAsync())
        {
            var rows = await db.Notifications.OrderBy(n => n.Id).ToListAsync();
            rows[0].CreatedAt = rows[1].CreatedAt = Cutoff.AddDays(-1);
            db.NotificationDeliveries.Add(new NotificationDeliveryRecord { NotificationId = rows[0].Id, Channel = "Telegram", Status = DeliveryStatus.Sent, CreatedAt = Now, NextAttemptAt = Now });
            db.NotificationDeliveries.Add(new NotificationDeliveryRecord { NotificationId = rows[1].Id, Channel = "Telegram", Status = DeliveryStatus.Pending, CreatedAt = Now, NextAttemptAt = Now });
            await db.SaveChangesAsync();
        }

        var result = await Archive().ArchiveAsync(Cutoff, Guid.NewGuid(), None);

        Assert.Equal(1, result.NotificationsRemoved);
        await using var after = await _db.ContextFactory.CreateDbContextAsync();
        Assert.Equal(["old, still pending", "recent"], await after.Notifications.OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());
        Assert.Equal(2, await after.NotificationInbox.CountAsync());
        Assert.Equal(DeliveryStatus.Pending, (await after.NotificationDeliveries.SingleAsync()).Status);
    }

    private OperationsArchive Archive() => new(_db.ContextFactory, _clock);

    private static async Task<Order> StoreAsync(OrderStore store, string tag, DateTimeOffset at, Func<Order, Order> change)
    {
        var order = OrderSamples.Pending(tag, at);
        await store.InsertAsync(order, OrderSamples.Created(order), None);
        var final = change(order);
        await store.SaveAsync(new OrderChange(final, [OrderSamples.Moved(order, OrderStatus.PendingSubmit, final.Status, at)], []), None);
        return final;
    }
}
