namespace KotakBlazor.Core.Orders;

/// <summary>
/// The order state machine. A broker can report states out of order (an order book polled
/// after a push), so the table allows every forward move and refuses backward ones: a filled
/// order never becomes open again, a rejected one never fills.
/// </summary>
public static class OrderLifecycle
{
    /// <summary>Whether <paramref name="from"/> may move to <paramref name="to"/>. Staying put is always allowed.</summary>
    public static bool CanMove(OrderStatus from, OrderStatus to) => from == to || (from, to) switch
    {
        (OrderStatus.PendingSubmit, _) => true,
        (OrderStatus.Open, OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Rejected or OrderStatus.Cancelled) => true,
        (OrderStatus.PartiallyFilled, OrderStatus.Filled or OrderStatus.Cancelled) => true,
        // A failed intent is retried (back to pending), or turns out to have reached the broker after all.
        (OrderStatus.Failed, OrderStatus.PendingSubmit or OrderStatus.Open or OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Rejected or OrderStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Filled, rejected and cancelled orders never change status again.</summary>
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Filled or OrderStatus.Rejected or OrderStatus.Cancelled;

    /// <summary>Open or partly filled: quantity is working at the broker.</summary>
    public static bool IsWorking(OrderStatus status) => status is OrderStatus.Open or OrderStatus.PartiallyFilled;

    /// <summary>Not final: pending, working or failed (so retryable).</summary>
    public static bool IsActive(OrderStatus status) => !IsFinal(status);
}
