using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Positions;

/// <summary>
/// The running totals of one position (the account's, or a strategy's share). Realized P&amp;L
/// follows the average-cost method, like the broker's "avg price": a sell out of a long realizes
/// (sell price - average price) x quantity and leaves the average of the rest unchanged.
/// </summary>
/// <remarks>
/// The ledger keeps <see cref="OpenCost"/>, the signed rupee cost of the open quantity (paid for a
/// long, negative for the premium received on a short), instead of an average price. Realized P&amp;L
/// is then the cash flow plus the open cost, and unrealized the mark value minus the open cost, so
/// realized + unrealized equals the broker's formula SellAmount - BuyAmount + Net x LTP x multiplier
/// exactly: a rounding in the average can move P&amp;L between the two, never change the total.
/// </remarks>
internal sealed class PositionLedger(InstrumentPrice price, ProductType product, Guid? strategyId, string tradingSymbol)
{
    // The last Position handed out, and the price it was marked at: a snapshot of a book where one
    // position moved reuses every other one instead of building them all again on each fill.
    private Position? _shown;
    private decimal _shownPrice;
    private decimal _shownMultiplier;

    public InstrumentPrice Price { get; } = price;

    public ProductType Product { get; } = product;

    public Guid? StrategyId { get; } = strategyId;

    public string TradingSymbol { get; private set; } = tradingSymbol;

    public int BuyQuantity { get; private set; }

    public int SellQuantity { get; private set; }

    public decimal BuyAmount { get; private set; }

    public decimal SellAmount { get; private set; }

    public decimal OpenCost { get; private set; }

    public int NetQuantity => BuyQuantity - SellQuantity;

    public decimal AveragePrice => NetQuantity == 0 ? 0m : Math.Abs(OpenCost) / (Math.Abs(NetQuantity) * Price.Multiplier);

    public decimal RealizedPnl => SellAmount - BuyAmount + OpenCost;

    public decimal MarkValue => NetQuantity * Price.LastPrice * Price.Multiplier;

    public decimal UnrealizedPnl => NetQuantity == 0 ? 0m : MarkValue - OpenCost;

    public decimal Pnl => SellAmount - BuyAmount + MarkValue;

    public decimal Exposure => Math.Abs(NetQuantity) * Price.LastPrice * Price.Multiplier;

    public void Apply(OrderSide side, int quantity, decimal tradePrice, string tradingSymbol)
    {
        _shown = null;
        TradingSymbol = tradingSymbol;
        var amount = quantity * tradePrice * Price.Multiplier;
        var before = NetQuantity;
        var signed = side == OrderSide.Buy ? quantity : -quantity;
        if (side == OrderSide.Buy)
        {
            BuyQuantity += quantity;
            BuyAmount += amount;
        }
        else
        {
            SellQuantity += quantity;
            SellAmount += amount;
        }

        if (before == 0 || Math.Sign(before) == Math.Sign(signed))
        {
            OpenCost += side == OrderSide.Buy ? amount : -amount;
        }
        else if (quantity < Math.Abs(before))
        {
            // Reducing: the rest keeps its average, so its cost shrinks in proportion. Rounded to
            // 10 places so every later sum stays exact in decimal (a 28-digit quotient would not).
            OpenCost = Math.Round(OpenCost * (Math.Abs(before) - quantity) / Math.Abs(before), 10);
        }
        else
        {
            // Closed, and any excess opens the other way at the trade price.
            var excess = quantity - Math.Abs(before);
            OpenCost = Math.Sign(signed) * excess * tradePrice * Price.Multiplier;
        }
    }

    /// <summary>
    /// Starts a new day: the open quantity is carried as if bought (or sold) at <paramref name="close"/>,
    /// so the new day's P&amp;L counts moves from the previous close and its realized P&amp;L starts at 0.
    /// </summary>
    public void CarryForward(decimal close)
    {
        _shown = null;
        var net = NetQuantity;
        var value = Math.Abs(net) * close * Price.Multiplier;
        BuyQuantity = net > 0 ? net : 0;
        SellQuantity = net < 0 ? -net : 0;
        BuyAmount = net > 0 ? value : 0m;
        SellAmount = net < 0 ? value : 0m;
        OpenCost = net > 0 ? value : -value;
    }

    public Position ToPosition()
    {
        if (_shown is null || _shownPrice != Price.LastPrice || _shownMultiplier != Price.Multiplier)
        {
            _shown = Build();
            _shownPrice = Price.LastPrice;
            _shownMultiplier = Price.Multiplier;
        }

        return _shown;
    }

    private Position Build() => new(
        Price.Instrument,
        TradingSymbol,
        Product,
        StrategyId,
        BuyQuantity,
        SellQuantity,
        BuyAmount,
        SellAmount,
        NetQuantity,
        AveragePrice,
        Price.LastPrice,
        Price.Multiplier,
        RealizedPnl,
        UnrealizedPnl,
        Pnl,
        Exposure);
}
