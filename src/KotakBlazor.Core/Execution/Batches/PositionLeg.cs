using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>One contract of a placement's position: what its orders bought and sold, and its P&amp;L at the last price.</summary>
/// <param name="Instrument">The contract.</param>
/// <param name="TradingSymbol">Its trading symbol.</param>
/// <param name="OptionType">Call or put.</param>
/// <param name="Strike">Its strike.</param>
/// <param name="NetQuantity">Bought minus sold: negative for a short leg.</param>
/// <param name="BuyAmount">Rupees paid.</param>
/// <param name="SellAmount">Rupees received.</param>
/// <param name="AveragePrice">The average price of the open quantity's side (sells for a short, buys for a long); null when flat.</param>
/// <param name="LastPrice">The last traded price; null before the first tick.</param>
/// <param name="Pnl">SellAmount - BuyAmount + NetQuantity x LastPrice (the broker's formula).</param>
public sealed record PositionLeg(
    InstrumentId Instrument,
    string TradingSymbol,
    OptionType? OptionType,
    decimal? Strike,
    int NetQuantity,
    decimal BuyAmount,
    decimal SellAmount,
    decimal? AveragePrice,
    decimal? LastPrice,
    decimal Pnl);
