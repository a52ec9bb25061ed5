namespace KotakBlazor.Core.Orders;

/// <summary>
/// One append-only entry in an order's history: what happened, when, why, and who or what
/// did it. Events are never changed or deleted.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="From">The status before, when the status changed.</param>
/// <param name="To">The status after, when the status changed.</param>
/// <param name="Detail">Why, in words (the broker's message, the risk rule, the trader's action).</param>
/// <param name="Actor">Who or what: a user name, <c>strategy:&lt;name&gt;</c>, <c>broker</c>, <c>reconciliation</c>, <c>system</c>.</param>
public sealed record OrderEvent(
    Guid OrderId,
    DateTimeOffset Time,
    OrderEventKind Kind,
    OrderStatus? From,
    OrderStatus? To,
    string Detail,
    string Actor);

/// <summary>The kinds of <see cref="OrderEvent"/>.</summary>
public enum OrderEventKind
{
    /// <summary>The intent was stored.</summary>
    Created,
    /// <summary>The status changed.</summary>
    StatusChanged,
    /// <summary>Some quantity traded.</summary>
    Filled,
    /// <summary>Price, trigger or quantity was changed.</summary>
    Modified,
    /// <summary>A cancel was asked for.</summary>
    CancelRequested,
    /// <summary>A transient failure is being retried.</summary>
    Retried,
    /// <summary>Its status was checked against the broker.</summary>
    StatusChecked,
    /// <summary>Found at the broker without our having placed it.</summary>
    ManualDetected,
    /// <summary>The position it opened was closed.</summary>
    PositionClosed,
    /// <summary>A move the lifecycle does not allow was refused (logged, not applied).</summary>
    IllegalTransitionRefused,
    /// <summary>A note (adopted into tracking, ignored, ...).</summary>
    Note,
}
