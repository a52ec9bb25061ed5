using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>
    /// Closes an order that has been active too long (the end-of-day cleanup's stale orders), with
    /// <paramref name="reason"/> as its reason: an intent that never reached the broker is cancelled
    /// here; a working one is cancelled at the broker first, and closed here as well when the broker
    /// no longer has it. When the broker cannot be reached the order is left as it is and the refusal
    /// says why, so an order that may still trade is never marked closed.
    /// </summary>
    public async Task<OrderOutcome> CloseStaleAsync(Guid orderId, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
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
            return new OrderOutcome(true, [await MoveAsync(orderId, OrderStatus.Cancelled, reason, actor, cancellationToken).ConfigureAwait(false)], []);
        }

        await NoteAsync(orderId, OrderEventKind.CancelRequested, reason, actor, cancellationToken).ConfigureAwait(false);
        var result = await _gateway.CancelAsync(order.BrokerOrderId, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(order.BrokerOrderId, cancellationToken).ConfigureAwait(false);
        var now = Find(orderId)!;
        if (OrderLifecycle.IsFinal(now.Status))
        {
            return new OrderOutcome(true, [now], []);
        }

        if (!result.IsSuccess && result.Error!.Kind == BrokerErrorKind.NotFound)
        {
            var closed = await MoveAsync(orderId, OrderStatus.Cancelled, $"{reason} (the broker no longer has it: {result.Error.Message})", actor, cancellationToken).ConfigureAwait(false);
            return new OrderOutcome(true, [closed], []);
        }

        return new OrderOutcome(false, [now], [result.IsSuccess ? "The broker took the cancel but still shows the order working." : result.Error!.Message]);
    }
}
