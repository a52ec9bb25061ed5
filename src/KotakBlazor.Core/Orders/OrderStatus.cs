namespace KotakBlazor.Core.Orders;

/// <summary>Where an order is in its life. <see cref="OrderLifecycle"/> says which moves are legal.</summary>
public enum OrderStatus
{
    /// <summary>The intent is stored (with its unique tag) but the broker has not acknowledged it yet.</summary>
    PendingSubmit,
    /// <summary>The broker holds it, nothing filled yet (includes trigger-pending SL orders and AMO orders waiting for the open).</summary>
    Open,
    /// <summary>Some of the quantity has traded; the rest is still working.</summary>
    PartiallyFilled,
    /// <summary>All of the quantity traded. Final.</summary>
    Filled,
    /// <summary>The broker or the exchange refused it. Final.</summary>
    Rejected,
    /// <summary>Cancelled (by us, by the trader, or by the exchange at the close) with any filled part kept. Final.</summary>
    Cancelled,
    /// <summary>It never reached the broker (proved by a lookup of its tag); it may be retried.</summary>
    Failed,
}
