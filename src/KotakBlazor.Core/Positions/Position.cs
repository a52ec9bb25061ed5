using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Positions;

/// <summary>
/// One position as it stood when a <see cref="PortfolioSnapshot"/> was taken: the account's (no
/// strategy) or one strategy's share. Amounts are in rupees (quantity x price x multiplier).
/// </summary>
/// <param name="Instrument">What is held.</param>
/// <param name="TradingSymbol">Its trading symbol.</param>
/// <param name="Product">NRML, MIS or CNC.</param>
/// <param name="StrategyId">The strategy whose share this is; null for the account's position or for trades no strategy placed.</param>
/// <param name="BuyQuantity">Units bought today (including a long carried from yesterday).</param>
/// <param name="SellQuantity">Units sold today (including a short carried from yesterday).</param>
/// <param name="BuyAmount">Rupees paid for the bought units.</param>
/// <param name="SellAmount">Rupees received for the sold units.</param>
/// <param name="NetQuantity">Bought minus sold: positive long, negative short.</param>
/// <param name="AveragePrice">The average price of the open quantity (average cost); 0 when flat.</param>
/// <param name="LastPrice">The last traded price it is marked at.</param>
/// <param name="Multiplier">Rupees per unit of price per unit of quantity (1 on NSE equity and F&amp;O).</param>
/// <param name="RealizedPnl">P&amp;L locked in by closed quantity, at average cost.</param>
/// <param name="UnrealizedPnl">P&amp;L of the open quantity at the last price.</param>
/// <param name="Pnl">SellAmount - BuyAmount + NetQuantity x LastPrice x Multiplier, the broker's figure; equals realized + unrealized.</param>
/// <param name="Exposure">|NetQuantity| x LastPrice x Multiplier.</param>
public sealed record Position(
    InstrumentId Instrument,
    string TradingSymbol,
    ProductType Product,
    Guid? StrategyId,
    int BuyQuantity,
    int SellQuantity,
    decimal BuyAmount,
    decimal SellAmount,
    int NetQuantity,
    decimal AveragePrice,
    decimal LastPrice,
    decimal Multiplier,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Pnl,
    decimal Exposure)
{
    /// <summary>True while some quantity is held.</summary>
    public bool IsOpen => NetQuantity != 0;

    /// <summary>The average price of every unit bought today; 0 when nothing was bought.</summary>
    public decimal BuyAveragePrice => BuyQuantity == 0 ? 0m : BuyAmount / (BuyQuantity * Multiplier);

    /// <summary>The average price of every unit sold today; 0 when nothing was sold.</summary>
    public decimal SellAveragePrice => SellQuantity == 0 ? 0m : SellAmount / (SellQuantity * Multiplier);
}
