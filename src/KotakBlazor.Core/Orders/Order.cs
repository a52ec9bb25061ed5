using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Orders;

/// <summary>
/// One order as the system knows it: what was asked, where it stands, and the lifecycle
/// timestamps. Immutable: every change makes a new value (with <c>with</c>) and an
/// <see cref="OrderEvent"/> that says why.
/// </summary>
public sealed record Order
{
    /// <summary>Our identity for it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The unique client tag sent to the broker (Kotak's <c>ig</c>, echoed as <c>GuiOrdId</c>); how an intent is found after a crash.</summary>
    public required string Tag { get; init; }

    /// <summary>The broker's order number once acknowledged (Kotak's <c>nOrdNo</c>).</summary>
    public string? BrokerOrderId { get; init; }

    /// <summary>What is traded.</summary>
    public required InstrumentId Instrument { get; init; }

    /// <summary>The trading symbol sent to the broker.</summary>
    public required string TradingSymbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Units asked for (after any adjustment).</summary>
    public required int Quantity { get; init; }

    /// <summary>Market, limit, SL or SL-M.</summary>
    public required OrderType Type { get; init; }

    /// <summary>NRML, MIS or CNC.</summary>
    public required ProductType Product { get; init; }

    /// <summary>The limit price for L and SL orders.</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>The trigger price for SL and SL-M orders.</summary>
    public decimal? TriggerPrice { get; init; }

    /// <summary>After-market order.</summary>
    public bool AfterMarket { get; init; }

    /// <summary>DAY or IOC.</summary>
    public OrderValidity Validity { get; init; }

    /// <summary>Where it stands.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>For an entry: whether its position is still held.</summary>
    public PositionState Position { get; init; }

    /// <summary>Which path it came from.</summary>
    public required OrderSource Source { get; init; }

    /// <summary>Who asked: a user name, <c>strategy:&lt;name&gt;</c> or <c>system</c>.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Entry, exit, stop-loss, target or unwind.</summary>
    public OrderPurpose Purpose { get; init; }

    /// <summary>The strategy it is attributed to.</summary>
    public Guid? StrategyId { get; init; }

    /// <summary>The multi-leg group it belongs to.</summary>
    public Guid? GroupId { get; init; }

    /// <summary>For an exit, stop-loss or target: the entry order whose position it closes.</summary>
    public Guid? ParentOrderId { get; init; }

    /// <summary>The caller's idempotency key, if it sent one.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Units traded so far (execution_qty).</summary>
    public int FilledQuantity { get; init; }

    /// <summary>The average traded price (execution_price).</summary>
    public decimal? AveragePrice { get; init; }

    /// <summary>The latest rejection, failure or cancellation reason, in the broker's words where it gave some.</summary>
    public string? Reason { get; init; }

    /// <summary>When the intent was created.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>When anything on the order last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When its status was last checked against the broker.</summary>
    public DateTimeOffset? LastStatusCheck { get; init; }

    /// <summary>When it filled completely.</summary>
    public DateTimeOffset? FilledAt { get; init; }

    /// <summary>When it first failed or was rejected.</summary>
    public DateTimeOffset? FirstFailedAt { get; init; }

    /// <summary>When it was last retried.</summary>
    public DateTimeOffset? LastRetryAt { get; init; }

    /// <summary>How many times it was retried.</summary>
    public int RetryCount { get; init; }

    /// <summary>When its quantity was last changed (a modify, or a partial cancel).</summary>
    public DateTimeOffset? QuantityAdjustedAt { get; init; }

    /// <summary>When reconciliation found it at the broker without our having placed it.</summary>
    public DateTimeOffset? ManualDetectedAt { get; init; }

    /// <summary>When the position it opened was closed (set on the entry when its exit fills).</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Units still working at the broker.</summary>
    public int RemainingQuantity => OrderLifecycle.IsWorking(Status) ? Quantity - FilledQuantity : 0;

    /// <summary>A line for logs, toasts and notifications.</summary>
    public string Summary => $"{Side} {Quantity} {TradingSymbol} {Type}" + (LimitPrice is { } price ? $" @ {price}" : string.Empty) + $" [{Status}]";
}
