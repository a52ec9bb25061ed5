using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>
    /// Takes a manual trade into tracking: it becomes a filled order of ours (source Manual,
    /// manual_detected_at set) with one fill, so positions, P&amp;L and risk count it from now on.
    /// Adopting the same manual trade twice adds nothing.
    /// </summary>
    public async Task<Order> AdoptAsync(ManualTrade trade, string tradingSymbol, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var tag = "MANUAL" + trade.Id.ToString("N")[..14].ToUpperInvariant();
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_byTag.TryGetValue(tag, out var existing))
            {
                return _orders[existing];
            }

            var now = _clock.GetUtcNow();
            var side = trade.Quantity >= 0 ? OrderSide.Buy : OrderSide.Sell;
            var quantity = Math.Abs(trade.Quantity);
            var price = trade.AveragePrice ?? 0m;
            var order = new Order
            {
                Id = Guid.NewGuid(),
                Tag = tag,
                BrokerOrderId = trade.BrokerOrderId,
                Instrument = trade.Instrument,
                TradingSymbol = tradingSymbol,
                Side = side,
                Quantity = quantity,
                Type = OrderType.Market,
                Product = trade.Product,
                Status = OrderStatus.Filled,
                Position = PositionState.Ongoing,
                Source = OrderSource.Manual,
                RequestedBy = actor,
                Purpose = OrderPurpose.Entry,
                FilledQuantity = quantity,
                AveragePrice = price,
                PlacedAt = trade.DetectedAt,
                UpdatedAt = now,
                FilledAt = trade.DetectedAt,
                ManualDetectedAt = trade.DetectedAt,
            };
            await _store.InsertAsync(order, new OrderEvent(order.Id, now, OrderEventKind.ManualDetected, null, OrderStatus.Filled,
                $"Manual {trade.Kind.ToString().ToLowerInvariant()} adopted into tracking: {side} {quantity} at {price}", actor), cancellationToken).ConfigureAwait(false);
            var fill = new Fill("adopt-" + trade.Id.ToString("N"), order.Id, trade.BrokerOrderId ?? tag, trade.Instrument, tradingSymbol, side, trade.Product, quantity, price, now);
            await CommitAsync(order, [], [fill], cancellationToken).ConfigureAwait(false);
            return order;
        }
        finally
        {
            _lock.Release();
        }
    }
}
