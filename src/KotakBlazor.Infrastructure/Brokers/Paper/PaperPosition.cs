using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>Today's buys and sells of one instrument under one product, as Kotak's positions report them.</summary>
internal sealed class PaperPosition(Instrument instrument, ProductType product)
{
    public Instrument Instrument { get; } = instrument;

    public ProductType Product { get; } = product;

    public int BuyQuantity { get; private set; }

    public int SellQuantity { get; private set; }

    public decimal BuyAmount { get; private set; }

    public decimal SellAmount { get; private set; }

    public int NetQuantity => BuyQuantity - SellQuantity;

    /// <summary>The average price of the open side: what the open quantity cost or brought in.</summary>
    public decimal OpenAveragePrice => NetQuantity switch
    {
        > 0 => BuyAmount / BuyQuantity,
        < 0 => SellAmount / SellQuantity,
        _ => 0m,
    };

    /// <summary>P&amp;L locked in by the quantity bought and sold back, at average prices.</summary>
    public decimal RealizedProfitAndLoss
    {
        get
        {
            var closed = Math.Min(BuyQuantity, SellQuantity);
            return closed == 0 ? 0m : closed * ((SellAmount / SellQuantity) - (BuyAmount / BuyQuantity));
        }
    }

    public void Add(OrderSide side, int quantity, decimal price)
    {
        if (side == OrderSide.Buy)
        {
            BuyQuantity += quantity;
            BuyAmount += quantity * price;
        }
        else
        {
            SellQuantity += quantity;
            SellAmount += quantity * price;
        }
    }

    public BrokerPosition ToRow() => new(Instrument.Id, Instrument.TradingSymbol, Product, BuyQuantity, SellQuantity, BuyAmount, SellAmount);
}
