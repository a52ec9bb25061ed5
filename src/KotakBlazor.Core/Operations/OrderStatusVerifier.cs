using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Checks the desk's active orders against the broker's order book: a push the order feed lost
/// (a fill, a rejection, an exchange cancel) is found here. Each row is applied through the desk's
/// own <see cref="OrderManager.ApplyBrokerOrderAsync"/> as a status check, so the order's
/// last_status_check is recorded, its history says who checked, and a change reaches every screen
/// and notification through <see cref="OrderManager.Changes"/> like any other.
/// </summary>
/// <param name="orders">The order desk.</param>
/// <param name="clock">The time source.</param>
/// <param name="readBook">Reads the broker's order book; the desk's gateway when null (a test may stand in for a feed that lost a push).</param>
public sealed class OrderStatusVerifier(
    OrderManager orders,
    TimeProvider clock,
    Func<CancellationToken, Task<BrokerResult<IReadOnlyList<BrokerOrder>>>>? readBook = null)
{
    private readonly Func<CancellationToken, Task<BrokerResult<IReadOnlyList<BrokerOrder>>>> _readBook =
        readBook ?? (cancellationToken => orders.Gateway.GetOrderBookAsync(cancellationToken));

    /// <summary>Every pass's report, for screens and tests.</summary>
    public EventStream<StatusCheckReport> Checks { get; } = new();

    /// <summary>The latest pass's report.</summary>
    public StatusCheckReport? LastReport { get; private set; }

    /// <summary>
    /// Checks every active order once. Broker failures are reported, not thrown: the next pass
    /// tries again. An active order missing from the book is left alone here (it may be in flight);
    /// reconciliation decides about those.
    /// </summary>
    public async Task<StatusCheckReport> CheckAsync(string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var active = orders.Orders.Where(o => OrderLifecycle.IsActive(o.Status)).ToList();
        if (active.Count == 0)
        {
            return Publish(new StatusCheckReport(clock.GetUtcNow(), 0, 0, [], null));
        }

        var book = await _readBook(cancellationToken).ConfigureAwait(false);
        if (!book.IsSuccess)
        {
            return Publish(new StatusCheckReport(clock.GetUtcNow(), 0, active.Count, [], "Order book: " + book.Error!.Message));
        }

        var byBrokerId = book.Value!.Where(r => r.BrokerOrderId.Length > 0).GroupBy(r => r.BrokerOrderId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var byTag = book.Value!.Where(r => r.Tag is { Length: > 0 }).GroupBy(r => r.Tag!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var changes = new List<OrderStatusChange>();
        var checkedCount = 0;
        foreach (var order in active)
        {
            var row = order.BrokerOrderId is { } id && byBrokerId.TryGetValue(id, out var byId) ? byId
                : byTag.TryGetValue(order.Tag, out var tagged) ? tagged : null;
            if (row is null)
            {
                continue;
            }

            // The desk's current state, not the snapshot's: a push may have moved it since.
            var before = orders.Find(order.Id) ?? order;
            await orders.ApplyBrokerOrderAsync(row, actor, statusCheck: true, cancellationToken).ConfigureAwait(false);
            checkedCount++;
            var after = orders.Find(order.Id) ?? before;
            if (after.Status != before.Status || after.FilledQuantity != before.FilledQuantity)
            {
                changes.Add(new OrderStatusChange(before, after));
            }
        }

        return Publish(new StatusCheckReport(clock.GetUtcNow(), checkedCount, active.Count - checkedCount, changes, null));
    }

    private StatusCheckReport Publish(StatusCheckReport report)
    {
        LastReport = report;
        Checks.Publish(report);
        return report;
    }
}
