using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>One trade at the broker. The unique trade id makes recording a fill twice a no-op.</summary>
public sealed class FillRecord
{
    public long Id { get; set; }

    public required string TradeId { get; set; }

    /// <summary>Our order, or null for a trade we did not place.</summary>
    public Guid? OrderId { get; set; }

    public required string BrokerOrderId { get; set; }

    /// <summary><c>segment|token</c>.</summary>
    public required string InstrumentKey { get; set; }

    public required string TradingSymbol { get; set; }

    public OrderSide Side { get; set; }

    public ProductType Product { get; set; }

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    /// <summary>The exchange time of the trade.</summary>
    public DateTimeOffset Time { get; set; }

    public Guid? StrategyId { get; set; }
}
