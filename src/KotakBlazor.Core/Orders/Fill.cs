using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Orders;

/// <summary>One trade (execution) of an order. The trade id makes recording it idempotent.</summary>
/// <param name="TradeId">The broker's trade number; unique.</param>
/// <param name="OrderId">Our order, or null for a trade we did not place (manual).</param>
/// <param name="BrokerOrderId">The broker's order number.</param>
/// <param name="Instrument">What traded.</param>
/// <param name="TradingSymbol">Its trading symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Product">NRML, MIS or CNC.</param>
/// <param name="Quantity">Units traded.</param>
/// <param name="Price">The traded price.</param>
/// <param name="Time">The exchange time of the trade.</param>
/// <param name="StrategyId">The strategy it is attributed to, if any.</param>
public sealed record Fill(
    string TradeId,
    Guid? OrderId,
    string BrokerOrderId,
    InstrumentId Instrument,
    string TradingSymbol,
    OrderSide Side,
    ProductType Product,
    int Quantity,
    decimal Price,
    DateTimeOffset Time,
    Guid? StrategyId = null)
{
    /// <summary>Quantity with a sign: positive for a buy, negative for a sell.</summary>
    public int SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;
}
