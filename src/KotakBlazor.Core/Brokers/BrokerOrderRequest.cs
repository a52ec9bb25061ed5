using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Brokers;

/// <summary>Exactly what is sent to the broker for one order (one slice).</summary>
/// <param name="Tag">Our unique client tag (Kotak's <c>ig</c>); the broker echoes it so a lost acknowledgement can be recovered.</param>
/// <param name="Instrument">Segment and token.</param>
/// <param name="TradingSymbol">The trading symbol (<c>ts</c>).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Type">Price type.</param>
/// <param name="Product">Product.</param>
/// <param name="Price">The limit price (0 for market orders).</param>
/// <param name="TriggerPrice">The trigger (0 when unused).</param>
/// <param name="AfterMarket">After-market order.</param>
/// <param name="Validity">DAY or IOC.</param>
public sealed record BrokerOrderRequest(
    string Tag,
    InstrumentId Instrument,
    string TradingSymbol,
    OrderSide Side,
    int Quantity,
    OrderType Type,
    ProductType Product,
    decimal Price,
    decimal TriggerPrice,
    bool AfterMarket = false,
    OrderValidity Validity = OrderValidity.Day)
{
    /// <summary>The request for an order the system keeps.</summary>
    public static BrokerOrderRequest For(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new BrokerOrderRequest(order.Tag, order.Instrument, order.TradingSymbol, order.Side, order.Quantity, order.Type, order.Product,
            order.LimitPrice ?? 0m, order.TriggerPrice ?? 0m, order.AfterMarket, order.Validity);
    }
}

/// <summary>A change to a working order.</summary>
/// <param name="BrokerOrderId">The broker's order number.</param>
/// <param name="Quantity">The new total quantity in units.</param>
/// <param name="Type">The new price type.</param>
/// <param name="Price">The new limit price (0 for market).</param>
/// <param name="TriggerPrice">The new trigger (0 when unused).</param>
public sealed record BrokerModifyRequest(string BrokerOrderId, int Quantity, OrderType Type, decimal Price, decimal TriggerPrice);
