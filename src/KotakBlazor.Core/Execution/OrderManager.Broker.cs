using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
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
            var batch = new PushBatch(this);
            if (!batch.AddOrderRow(row, actor, statusCheck))
            {
                return false;
            }

            await CommitAllAsync(batch.Changes, cancellationToken).ConfigureAwait(false);
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
            var batch = new PushBatch(this);
            if (!batch.AddTrade(trade))
            {
                return false;
            }

            await CommitAllAsync(batch.Changes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Broker changes worked out one after another on top of each other, before any is stored, so that
    /// several can be stored in one write. Each sees the orders as the changes before it left them. Use under the lock.
    /// </summary>
    private sealed class PushBatch(OrderManager desk)
    {
        private readonly Dictionary<Guid, Order> _pending = [];
        private readonly HashSet<string> _trades = new(StringComparer.Ordinal);

        public List<OrderChange> Changes { get; } = [];

        /// <summary>Works out the broker's acknowledgement of an order it took.</summary>
        public void AddAcknowledgement(Guid orderId, string brokerOrderId)
        {
            var (next, events) = OrderTransitions.Acknowledged(Current(desk._orders[orderId]), brokerOrderId, desk._clock.GetUtcNow());
            Add(new OrderChange(next, events, []));
        }

        /// <summary>Works out what an order-book row changes; false when the row is not ours.</summary>
        public bool AddOrderRow(BrokerOrder row, string actor, bool statusCheck)
        {
            if (Lookup(row.BrokerOrderId, row.Tag) is not { } order)
            {
                return false;
            }

            var now = desk._clock.GetUtcNow();
            var (next, events) = OrderTransitions.FromBroker(order, row, now, actor, statusCheck);
            if (statusCheck)
            {
                events = [.. events, new OrderEvent(order.Id, now, OrderEventKind.StatusChecked, null, null, $"Broker says '{row.BrokerStatus}'", actor)];
            }

            if (events.Count > 0 || next != order)
            {
                // The fill and the entries it closes are one write.
                Add(new OrderChange(next, events, []));
                if (next.FilledQuantity > order.FilledQuantity)
                {
                    foreach (var closed in PositionsClosedBy(next))
                    {
                        Add(closed);
                    }
                }
            }

            return true;
        }

        /// <summary>Works out the fill a trade adds (nothing for a trade already recorded); false when the trade is not ours.</summary>
        public bool AddTrade(BrokerTrade trade)
        {
            if (Lookup(trade.BrokerOrderId, trade.Tag) is not { } order)
            {
                return false;
            }

            // An adopted manual order's one fill stands for the trades it had when adopted; the
            // broker's own trades of that order, met again by reconciliation, must not count twice.
            if (desk._knownTrades.Contains(trade.TradeId) || _trades.Contains(trade.TradeId) || order.Source == OrderSource.Manual)
            {
                return true;
            }

            var fill = new Fill(trade.TradeId, order.Id, trade.BrokerOrderId, trade.Instrument, trade.TradingSymbol, trade.Side, trade.Product,
                trade.Quantity, trade.Price, trade.Time, order.StrategyId);
            var now = desk._clock.GetUtcNow();
            var next = order with { BrokerOrderId = order.BrokerOrderId ?? trade.BrokerOrderId, UpdatedAt = now };
            var detail = $"Trade {trade.TradeId}: {trade.Quantity} at {trade.Price}";
            Add(new OrderChange(next, [new OrderEvent(order.Id, now, OrderEventKind.Filled, null, null, detail, "broker")], [fill]));
            return true;
        }

        private void Add(OrderChange change)
        {
            Changes.Add(change);
            _pending[change.Order.Id] = change.Order;
            foreach (var fill in change.Fills)
            {
                _trades.Add(fill.TradeId);
            }
        }

        private Order Current(Order order) => _pending.TryGetValue(order.Id, out var pending) ? pending : order;

        private Order? Lookup(string? brokerOrderId, string? tag)
        {
            if (desk.Lookup(brokerOrderId, tag) is { } known)
            {
                return Current(known);
            }

            // A broker number first learnt earlier in this batch.
            return brokerOrderId is null ? null : _pending.Values.FirstOrDefault(o => o.BrokerOrderId == brokerOrderId);
        }

        /// <summary>
        /// When an order's fill leaves its strategy flat in the instrument, the entries that opened
        /// the position are closed (closed_at), including a buy closed by a sell.
        /// </summary>
        private List<OrderChange> PositionsClosedBy(Order filled)
        {
            // Every order as this batch has left it so far (the filled one in its new state).
            var same = desk.SamePosition(filled).Select(Current).ToList();
            var net = same.Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity);
            if (net != 0)
            {
                return [];
            }

            var now = desk._clock.GetUtcNow();
            return [.. same.Where(o => o.Position == PositionState.Ongoing).Select(entry => new OrderChange(
                entry with { Position = PositionState.Closed, ClosedAt = now, UpdatedAt = now },
                [new OrderEvent(entry.Id, now, OrderEventKind.PositionClosed, null, null,
                    $"Position closed by {filled.Side} {filled.FilledQuantity} ({filled.BrokerOrderId ?? filled.Tag})", "system")],
                []))];
        }
    }
}
