using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>Listens to the broker's order and trade pushes until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(ListenAsync(_gateway.OrderUpdates.Subscribe(8192), row => ApplyBrokerOrderAsync(row, "broker", statusCheck: false, cancellationToken), cancellationToken),
            ListenAsync(_gateway.Trades.Subscribe(8192), trade => ApplyBrokerTradeAsync(trade, cancellationToken), cancellationToken));

    /// <summary>
    /// Applies one row of the broker's order book to the order it belongs to (found by broker
    /// number or tag). Returns false when the row is not ours (a manual order).
    /// </summary>
    public async Task<bool> ApplyBrokerOrderAsync(BrokerOrder row, string actor, bool statusCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Lookup(row.BrokerOrderId, row.Tag) is not { } order)
            {
                return false;
            }

            var (next, events) = OrderTransitions.FromBroker(order, row, _clock.GetUtcNow(), actor, statusCheck);
            if (statusCheck)
            {
                events = [.. events, new OrderEvent(order.Id, _clock.GetUtcNow(), OrderEventKind.StatusChecked, null, null, $"Broker says '{row.BrokerStatus}'", actor)];
            }

            if (events.Count > 0 || next != order)
            {
                // The fill and the entries it closes are one write.
                List<OrderChange> changes = [new OrderChange(next, events, [])];
                if (next.FilledQuantity > order.FilledQuantity)
                {
                    changes.AddRange(PositionsClosedBy(next));
                }

                await CommitAllAsync(changes, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Records one trade of an order we placed, once (by trade id). Returns false for a trade
    /// that is not ours (a manual trade: reconciliation deals with it).
    /// </summary>
    public async Task<bool> ApplyBrokerTradeAsync(BrokerTrade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Lookup(trade.BrokerOrderId, trade.Tag) is not { } order)
            {
                return false;
            }

            // An adopted manual order's one fill stands for the trades it had when adopted; the
            // broker's own trades of that order, met again by reconciliation, must not count twice.
            if (_knownTrades.Contains(trade.TradeId) || order.Source == OrderSource.Manual)
            {
                return true;
            }

            var fill = new Fill(trade.TradeId, order.Id, trade.BrokerOrderId, trade.Instrument, trade.TradingSymbol, trade.Side, trade.Product,
                trade.Quantity, trade.Price, trade.Time, order.StrategyId);
            var now = _clock.GetUtcNow();
            var next = order with { BrokerOrderId = order.BrokerOrderId ?? trade.BrokerOrderId, UpdatedAt = now };
            var detail = $"Trade {trade.TradeId}: {trade.Quantity} at {trade.Price}";
            await CommitAsync(next, [new OrderEvent(order.Id, now, OrderEventKind.Filled, null, null, detail, "broker")], [fill], cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// When an order's fill leaves its strategy flat in the instrument, the entries that opened
    /// the position are closed (closed_at), including a buy closed by a sell.
    /// </summary>
    private List<OrderChange> PositionsClosedBy(Order filled)
    {
        // The filled order is counted in its new state: the desk still holds the one before it.
        var same = _orders.Values
            .Where(o => o.StrategyId == filled.StrategyId && o.Instrument == filled.Instrument && o.Product == filled.Product)
            .Select(o => o.Id == filled.Id ? filled : o)
            .ToList();
        var net = same.Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity);
        if (net != 0)
        {
            return [];
        }

        var now = _clock.GetUtcNow();
        return [.. same.Where(o => o.Position == PositionState.Ongoing).Select(entry => new OrderChange(
            entry with { Position = PositionState.Closed, ClosedAt = now, UpdatedAt = now },
            [new OrderEvent(entry.Id, now, OrderEventKind.PositionClosed, null, null,
                $"Position closed by {filled.Side} {filled.FilledQuantity} ({filled.BrokerOrderId ?? filled.Tag})", "system")],
            []))];
    }

    private async Task ListenAsync<T>(Messaging.EventStream<T>.Subscription subscription, Func<T, Task> apply, CancellationToken cancellationToken)
    {
        using (subscription)
        {
            // One bad update must not stop the listener; reconciliation repairs what was missed.
            await subscription.ForEachAsync(apply, (ex, item) => LogUpdateFailed(_logger, ex, item?.ToString() ?? "?"), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A broker update could not be applied: {Update}")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, string update);
}
