using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Brokers;

/// <summary>One row of the broker's order book (or one pushed order update).</summary>
/// <param name="BrokerOrderId">The broker's order number (<c>nOrdNo</c>).</param>
/// <param name="Tag">Our tag when we placed it (<c>GuiOrdId</c>); null or foreign for manual orders.</param>
/// <param name="Instrument">Segment and token.</param>
/// <param name="TradingSymbol">Trading symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Price type.</param>
/// <param name="Product">Product.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="FilledQuantity">Units traded.</param>
/// <param name="Price">Limit price (0 for market).</param>
/// <param name="TriggerPrice">Trigger price (0 when unused).</param>
/// <param name="AveragePrice">Average traded price (0 when nothing traded).</param>
/// <param name="Status">The broker's state mapped to ours.</param>
/// <param name="BrokerStatus">The broker's own word for the state (<c>ordSt</c>), kept for people.</param>
/// <param name="RejectReason">Why it was rejected or cancelled, in the broker's words.</param>
/// <param name="UpdatedAt">When the broker last changed it.</param>
/// <param name="AfterMarket">Placed as an after-market order.</param>
public sealed record BrokerOrder(
    string BrokerOrderId,
    string? Tag,
    InstrumentId Instrument,
    string TradingSymbol,
    OrderSide Side,
    OrderType Type,
    ProductType Product,
    int Quantity,
    int FilledQuantity,
    decimal Price,
    decimal TriggerPrice,
    decimal AveragePrice,
    OrderStatus Status,
    string BrokerStatus,
    string? RejectReason,
    DateTimeOffset UpdatedAt,
    bool AfterMarket = false);

/// <summary>One trade in the broker's trade book.</summary>
/// <param name="TradeId">The broker's trade number, unique.</param>
/// <param name="BrokerOrderId">The order it belongs to.</param>
/// <param name="Tag">The order's tag, if it had ours.</param>
/// <param name="Instrument">Segment and token.</param>
/// <param name="TradingSymbol">Trading symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Product">Product.</param>
/// <param name="Quantity">Units traded.</param>
/// <param name="Price">Traded price.</param>
/// <param name="Time">Exchange time of the trade.</param>
public sealed record BrokerTrade(
    string TradeId,
    string BrokerOrderId,
    string? Tag,
    InstrumentId Instrument,
    string TradingSymbol,
    OrderSide Side,
    ProductType Product,
    int Quantity,
    decimal Price,
    DateTimeOffset Time);
