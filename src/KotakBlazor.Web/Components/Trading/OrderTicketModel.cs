using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>The ticket's form as the trader fills it in: lots, not units, because contracts trade in lots.</summary>
internal sealed class OrderTicketModel
{
    public Instrument? Instrument { get; set; }

    public OrderSide Side { get; set; } = OrderSide.Buy;

    public int Lots { get; set; } = 1;

    public OrderType Type { get; set; } = OrderType.Market;

    public ProductType Product { get; set; } = ProductType.Cnc;

    public decimal? LimitPrice { get; set; }

    public decimal? TriggerPrice { get; set; }

    public bool AfterMarket { get; set; }

    public Guid? StrategyId { get; set; }

    public int LotSize => Math.Max(Instrument?.LotSize ?? 1, 1);

    /// <summary>Units to send; a lot count too large for the broker is kept as is so the risk checks explain it.</summary>
    public int Quantity => (int)Math.Clamp((long)Lots * LotSize, int.MinValue, int.MaxValue);

    public bool NeedsLimitPrice => Type is OrderType.Limit or OrderType.StopLoss;

    public bool NeedsTriggerPrice => Type is OrderType.StopLoss or OrderType.StopLossMarket;

    /// <summary>Delivery for shares, carry-forward for derivatives: what a trader means unless they say intraday.</summary>
    public static ProductType UsualProduct(Instrument instrument) =>
        instrument.Type == InstrumentType.Equity ? ProductType.Cnc : ProductType.Nrml;

    public OrderTicket ToTicket() => new(
        Instrument!.Id,
        Side,
        Quantity,
        Type,
        Product,
        NeedsLimitPrice ? LimitPrice : null,
        NeedsTriggerPrice ? TriggerPrice : null,
        AfterMarket,
        StrategyId: StrategyId);
}
