using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

/// <summary>
/// Works out an order's next state, and the events that explain it, from what the broker
/// reports. Pure: the caller stores the result. Backward moves (a filled order reported open
/// by a stale order book) are refused and explained, never applied.
/// </summary>
public static class OrderTransitions
{
    /// <summary>Applies one order-book row (a pushed update, or a row found by reconciliation).</summary>
    public static (Order Next, IReadOnlyList<OrderEvent> Events) FromBroker(Order current, BrokerOrder row, DateTimeOffset now, string actor, bool statusCheck = false)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(row);
        var events = new List<OrderEvent>();
        var next = current;
        if (next.BrokerOrderId is null)
        {
            next = next with { BrokerOrderId = row.BrokerOrderId };
        }

        if (row.Quantity != next.Quantity && row.Quantity > 0 && OrderLifecycle.IsActive(next.Status))
        {
            events.Add(new OrderEvent(current.Id, now, OrderEventKind.Modified, null, null, $"Quantity {next.Quantity} -> {row.Quantity}", actor));
            next = next with { Quantity = row.Quantity, QuantityAdjustedAt = now };
        }

        if (row.FilledQuantity > next.FilledQuantity)
        {
            events.Add(new OrderEvent(current.Id, now, OrderEventKind.Filled, null, null,
                $"{row.FilledQuantity} of {row.Quantity} filled at an average of {row.AveragePrice}", actor));
            next = next with { FilledQuantity = row.FilledQuantity, AveragePrice = row.AveragePrice };
        }

        var target = row.Status;
        if (target != next.Status)
        {
            if (OrderLifecycle.CanMove(next.Status, target))
            {
                var detail = row.RejectReason is { Length: > 0 } reason ? $"{row.BrokerStatus}: {reason}" : row.BrokerStatus;
                events.Add(new OrderEvent(current.Id, now, OrderEventKind.StatusChanged, next.Status, target, detail, actor));
                next = next with
                {
                    Status = target,
                    Reason = row.RejectReason is { Length: > 0 } ? row.RejectReason : next.Reason,
                    FilledAt = target == OrderStatus.Filled ? row.UpdatedAt : next.FilledAt,
                    FirstFailedAt = target is OrderStatus.Rejected or OrderStatus.Failed ? next.FirstFailedAt ?? now : next.FirstFailedAt,
                };
            }
            else
            {
                events.Add(new OrderEvent(current.Id, now, OrderEventKind.IllegalTransitionRefused, next.Status, target,
                    $"The broker reported '{row.BrokerStatus}' for an order that is {next.Status}; kept {next.Status}.", actor));
            }
        }

        if (next.Purpose == OrderPurpose.Entry && next.FilledQuantity > 0 && next.Position == PositionState.None)
        {
            next = next with { Position = PositionState.Ongoing };
        }

        if (statusCheck)
        {
            next = next with { LastStatusCheck = now };
        }

        if (events.Count > 0 || !ReferenceEquals(next, current))
        {
            next = next with { UpdatedAt = now };
        }

        return (next, events);
    }

    /// <summary>The broker acknowledged the order with its number.</summary>
    public static (Order Next, IReadOnlyList<OrderEvent> Events) Acknowledged(Order current, string brokerOrderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var next = current with { BrokerOrderId = current.BrokerOrderId ?? brokerOrderId, UpdatedAt = now };
        if (current.Status is OrderStatus.PendingSubmit or OrderStatus.Failed)
        {
            // A pushed update may already have moved it on (filled before the acknowledgement returned): only move a pending one.
            next = next with { Status = OrderStatus.Open };
            return (next, [new OrderEvent(current.Id, now, OrderEventKind.StatusChanged, current.Status, OrderStatus.Open, $"Accepted by the broker as {brokerOrderId}", "broker")]);
        }

        return (next, []);
    }

    /// <summary>Moves an order to a status we decide ourselves (rejected by the broker's answer, failed, cancelled before sending).</summary>
    public static (Order Next, IReadOnlyList<OrderEvent> Events) To(Order current, OrderStatus status, string reason, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!OrderLifecycle.CanMove(current.Status, status))
        {
            return (current, [new OrderEvent(current.Id, now, OrderEventKind.IllegalTransitionRefused, current.Status, status,
                $"Cannot move a {current.Status} order to {status}: {reason}", actor)]);
        }

        var next = current with
        {
            Status = status,
            Reason = reason,
            UpdatedAt = now,
            FirstFailedAt = status is OrderStatus.Rejected or OrderStatus.Failed ? current.FirstFailedAt ?? now : current.FirstFailedAt,
        };
        return (next, [new OrderEvent(current.Id, now, OrderEventKind.StatusChanged, current.Status, status, reason, actor)]);
    }
}
