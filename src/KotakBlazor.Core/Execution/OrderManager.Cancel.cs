using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>
    /// Cancels an order: a working one at the broker, a pending or failed one that never reached
    /// it at once. Cancelling is never blocked by the kill switch.
    /// </summary>
    public async Task<OrderOutcome> CancelAsync(Guid orderId, string actor, CancellationToken cancellationToken)
    {
        if (Find(orderId) is not { } order)
        {
            return OrderOutcome.Refused([$"No order {orderId}."]);
        }

        if (OrderLifecycle.IsFinal(order.Status))
        {
            return OrderOutcome.Refused([$"The order is {order.Status} already."]);
        }

        if (order.BrokerOrderId is null)
        {
            var cancelled = await MoveAsync(orderId, OrderStatus.Cancelled, $"Cancelled by {actor} before it reached the broker", actor, cancellationToken).ConfigureAwait(false);
            return new OrderOutcome(true, [cancelled], []);
        }

        await NoteAsync(orderId, OrderEventKind.CancelRequested, "Cancel requested", actor, cancellationToken).ConfigureAwait(false);
        var result = await _gateway.CancelAsync(order.BrokerOrderId, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(order.BrokerOrderId, cancellationToken).ConfigureAwait(false);
        var now = Find(orderId)!;
        return result.IsSuccess || now.Status == OrderStatus.Cancelled
            ? new OrderOutcome(true, [now], [])
            : new OrderOutcome(false, [now], [result.Error!.Message]);
    }

    /// <summary>Changes the quantity, price or trigger of a working order. Blocked while the kill switch is tripped.</summary>
    public async Task<OrderOutcome> ModifyAsync(Guid orderId, int quantity, decimal? limitPrice, decimal? triggerPrice, string actor, CancellationToken cancellationToken)
    {
        if (Find(orderId) is not { } order || order.BrokerOrderId is null || !OrderLifecycle.IsWorking(order.Status))
        {
            return OrderOutcome.Refused(["Only a working order at the broker can be modified."]);
        }

        if (quantity <= 0 || quantity < order.FilledQuantity)
        {
            return OrderOutcome.Refused([$"Quantity must be positive and at least the {order.FilledQuantity} already filled."]);
        }

        if (order.Type is OrderType.Limit or OrderType.StopLoss && limitPrice is not > 0)
        {
            return OrderOutcome.Refused(["A limit order needs a positive limit price."]);
        }

        if (order.Type is OrderType.StopLoss or OrderType.StopLossMarket && triggerPrice is not > 0)
        {
            return OrderOutcome.Refused(["A stop-loss order needs a positive trigger price."]);
        }

        BrokerResult<string> result;
        using (var permit = _gate.TryEnter())
        {
            if (permit is null)
            {
                return OrderOutcome.Refused(["The kill switch is tripped: orders cannot be changed, only cancelled."]);
            }

            var detail = $"Modify to {quantity}" + (limitPrice is { } p ? $" @ {p}" : string.Empty) + (triggerPrice is { } t ? $" trigger {t}" : string.Empty);
            await NoteAsync(orderId, OrderEventKind.Modified, detail, actor, cancellationToken).ConfigureAwait(false);
            result = await _gateway.ModifyAsync(new BrokerModifyRequest(order.BrokerOrderId, quantity, order.Type, limitPrice ?? 0m, triggerPrice ?? 0m), cancellationToken).ConfigureAwait(false);
        }

        if (result.IsSuccess)
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _orders[orderId];
                var now = _clock.GetUtcNow();
                var next = current with
                {
                    LimitPrice = limitPrice ?? current.LimitPrice,
                    TriggerPrice = triggerPrice ?? current.TriggerPrice,
                    Quantity = quantity,
                    QuantityAdjustedAt = quantity != current.Quantity ? now : current.QuantityAdjustedAt,
                    UpdatedAt = now,
                };
                await CommitAsync(next, [], [], cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }

        var after = Find(orderId)!;
        return result.IsSuccess ? new OrderOutcome(true, [after], []) : new OrderOutcome(false, [after], [result.Error!.Message]);
    }

    /// <summary>Cancels every working order (the kill switch, the end of a session). Returns how many were asked to cancel.</summary>
    public async Task<int> CancelAllWorkingAsync(string actor, CancellationToken cancellationToken)
    {
        var working = Orders.Where(o => OrderLifecycle.IsActive(o.Status) && o.Status != OrderStatus.Failed).ToList();
        foreach (var order in working)
        {
            await CancelAsync(order.Id, actor, cancellationToken).ConfigureAwait(false);
        }

        return working.Count;
    }

    private async Task RefreshAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        var book = await _gateway.GetOrderBookAsync(cancellationToken).ConfigureAwait(false);
        if (book.IsSuccess && book.Value!.FirstOrDefault(r => r.BrokerOrderId == brokerOrderId) is { } row)
        {
            await ApplyBrokerOrderAsync(row, "broker", statusCheck: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NoteAsync(Guid orderId, OrderEventKind kind, string detail, string actor, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var order = _orders[orderId];
            await CommitAsync(order, [new OrderEvent(orderId, _clock.GetUtcNow(), kind, null, null, detail, actor)], [], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
