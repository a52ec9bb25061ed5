using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>
/// One order as it stands, with every lifecycle timestamp. Written as an intent before the broker
/// hears of it and updated in place; its history lives in <see cref="OrderEventRecord"/>.
/// Enums are stored as their names so the table reads plainly in a SQLite shell.
/// </summary>
public sealed class OrderRecord
{
    public Guid Id { get; set; }

    /// <summary>The unique client tag sent to the broker: how an intent is found after a crash.</summary>
    public required string Tag { get; set; }

    public string? BrokerOrderId { get; set; }

    /// <summary><c>segment|token</c>.</summary>
    public required string InstrumentKey { get; set; }

    public required string TradingSymbol { get; set; }

    public OrderSide Side { get; set; }

    public int Quantity { get; set; }

    public OrderType Type { get; set; }

    public ProductType Product { get; set; }

    public decimal? LimitPrice { get; set; }

    public decimal? TriggerPrice { get; set; }

    public bool AfterMarket { get; set; }

    public OrderValidity Validity { get; set; }

    public OrderStatus Status { get; set; }

    public PositionState Position { get; set; }

    public OrderSource Source { get; set; }

    public required string RequestedBy { get; set; }

    public OrderPurpose Purpose { get; set; }

    public Guid? StrategyId { get; set; }

    public Guid? GroupId { get; set; }

    public Guid? ParentOrderId { get; set; }

    /// <summary>Unique when present: the same button press never stores two orders.</summary>
    public string? IdempotencyKey { get; set; }

    public int FilledQuantity { get; set; }

    public decimal? AveragePrice { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastStatusCheck { get; set; }

    public DateTimeOffset? FilledAt { get; set; }

    public DateTimeOffset? FirstFailedAt { get; set; }

    public DateTimeOffset? LastRetryAt { get; set; }

    public int RetryCount { get; set; }

    public DateTimeOffset? QuantityAdjustedAt { get; set; }

    public DateTimeOffset? ManualDetectedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
