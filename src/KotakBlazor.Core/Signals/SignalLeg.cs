using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Signals;

/// <summary>One order a signal asks for.</summary>
/// <param name="Instrument">What to trade.</param>
/// <param name="TradingSymbol">Its trading symbol, for people and for the broker.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units (lots x lot size), never lots.</param>
/// <param name="OrderType">Market, limit, SL or SL-M.</param>
/// <param name="Price">The reference or limit price: the LTP when the signal fired for a market order.</param>
public sealed record SignalLeg(
    InstrumentId Instrument,
    string TradingSymbol,
    OrderSide Side,
    int Quantity,
    OrderType OrderType,
    decimal Price);
