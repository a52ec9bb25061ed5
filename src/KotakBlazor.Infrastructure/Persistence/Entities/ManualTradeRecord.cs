using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;

namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>Quantity found at the broker that the system did not trade, and what the trader decided about it.</summary>
public sealed class ManualTradeRecord
{
    public Guid Id { get; set; }

    public ManualTradeKind Kind { get; set; }

    /// <summary><c>segment|token</c>.</summary>
    public required string InstrumentKey { get; set; }

    public required string TradingSymbol { get; set; }

    public ProductType Product { get; set; }

    /// <summary>Signed units: positive long, negative short.</summary>
    public int Quantity { get; set; }

    public decimal? AveragePrice { get; set; }

    /// <summary>Unique when present: one broker order is one manual trade, however often it is seen.</summary>
    public string? BrokerOrderId { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public ManualTradeStatus Status { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
