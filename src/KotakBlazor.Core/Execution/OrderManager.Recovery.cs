using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>How far back the desk loads orders at start-up, so positions opened earlier can still be closed.</summary>
    public static readonly TimeSpan LoadWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Loads the stored orders and fills at start-up. Call once, before anything is submitted,
    /// then <see cref="ReconcileOrdersAsync"/> with the broker's order book.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var since = _clock.GetUtcNow() - LoadWindow;
        var recent = await _store.QueryAsync(new OrderQuery(Since: since, Limit: 100_000), cancellationToken).ConfigureAwait(false);
        var active = await _store.LoadActiveAsync(cancellationToken).ConfigureAwait(false);
        var fills = await _store.LoadFillsAsync(since, cancellationToken).ConfigureAwait(false);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var order in recent.Concat(active))
            {
                Remember(order);
            }

            foreach (var fill in fills)
            {
                _knownTrades.Add(fill.TradeId);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Brings every active order in line with the broker's order book: working orders take the
    /// broker's state; an intent without a broker number is looked up by its tag and adopted, or,
    /// when the broker never saw it, marked failed (it may be retried: same tag, so never twice).
    /// Returns the rows that are not ours (manual orders).
    /// </summary>
    /// <param name="book">The broker's order book.</param>
    /// <param name="actor">Who reconciles, for the orders' events.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="bookReadAt">When the book was asked for: an order placed since cannot be in it and is left for the next run, not settled as missing.</param>
    public async Task<IReadOnlyList<BrokerOrder>> ReconcileOrdersAsync(IReadOnlyList<BrokerOrder> book, string actor, CancellationToken cancellationToken, DateTimeOffset? bookReadAt = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        var foreign = new List<BrokerOrder>();
        var seen = new HashSet<Guid>();
        foreach (var row in book)
        {
            Guid? id;
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                id = Lookup(row.BrokerOrderId, row.Tag)?.Id;
            }
            finally
            {
                _lock.Release();
            }

            if (id is null)
            {
                foreign.Add(row);
                continue;
            }

            seen.Add(id.Value);
            await ApplyBrokerOrderAsync(row, actor, statusCheck: true, cancellationToken).ConfigureAwait(false);
        }

        foreach (var missing in Orders.Where(o => OrderLifecycle.IsActive(o.Status) && !seen.Contains(o.Id) && !(o.PlacedAt >= bookReadAt)).ToList())
        {
            await SettleMissingAsync(missing, actor, cancellationToken).ConfigureAwait(false);
        }

        return foreign;
    }

    /// <summary>An active order the broker's book does not have.</summary>
    private async Task SettleMissingAsync(Order order, string actor, CancellationToken cancellationToken)
    {
        switch (order.Status)
        {
            case OrderStatus.PendingSubmit when order.BrokerOrderId is null:
                LogIntentNotAtBroker(_logger, order.Id, order.Tag);
                await MoveAsync(order.Id, OrderStatus.Failed, "Never reached the broker (its tag is not in the broker's order book); retry to send it.", actor, cancellationToken).ConfigureAwait(false);
                break;
            case OrderStatus.Failed:
                break;
            default:
                // The broker's book is per day: a DAY order from an earlier session, or one a restarted paper broker no longer holds, is gone.
                await MoveAsync(order.Id, OrderStatus.Cancelled, "No longer in the broker's order book (expired at the end of its day).", actor, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>After a send whose outcome is unknown (timeout, unreadable answer): finds the order at the broker by its tag.</summary>
    private async Task<Order> ResolveByTagAsync(Guid orderId, BrokerError error, CancellationToken cancellationToken)
    {
        var order = Find(orderId)!;
        var book = await _gateway.GetOrderBookAsync(cancellationToken).ConfigureAwait(false);
        if (!book.IsSuccess)
        {
            // Cannot tell yet: it stays pending, and the next reconciliation settles it.
            LogUnresolved(_logger, orderId, error.Message, book.Error!.Message);
            return order;
        }

        if (book.Value!.FirstOrDefault(r => r.Tag == order.Tag) is { } row)
        {
            await ApplyBrokerOrderAsync(row, "reconciliation", statusCheck: true, cancellationToken).ConfigureAwait(false);
            return Find(orderId)!;
        }

        return await MoveAsync(orderId, OrderStatus.Failed, $"The broker did not take it ({error.Message}); its tag is not in the order book.", "reconciliation", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} (tag {Tag}) never reached the broker: marked failed")]
    private static partial void LogIntentNotAtBroker(ILogger logger, Guid orderId, string tag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the send's outcome is unknown ({Error}) and the order book could not be read ({BookError}); left pending for reconciliation")]
    private static partial void LogUnresolved(ILogger logger, Guid orderId, string error, string bookError);
}
