using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>A position pushed by the order feed, in Kotak's terms (carried forward plus today).</summary>
/// <param name="Symbol">Kotak's <c>sym</c>.</param>
/// <param name="TradingSymbol">Kotak's <c>trdSym</c> when present.</param>
/// <param name="Segment">Kotak's <c>exSeg</c> as sent.</param>
/// <param name="Instrument">Segment and token when the message carries a token; HSI's documented position fields do not.</param>
/// <param name="Product">The product, when it is one we model.</param>
/// <param name="BuyQuantity">Units bought: <c>cfBuyQty</c> + <c>flBuyQty</c>.</param>
/// <param name="SellQuantity">Units sold: <c>cfSellQty</c> + <c>flSellQty</c>.</param>
/// <param name="BuyAmount">Rupees paid: <c>cfBuyAmt</c> + <c>buyAmt</c>.</param>
/// <param name="SellAmount">Rupees received: <c>cfSellAmt</c> + <c>sellAmt</c>.</param>
/// <param name="Multiplier">The contract multiplier (1 when absent).</param>
/// <param name="UpdatedAt">Kotak's <c>hsUpTm</c>, or when it arrived.</param>
public sealed record KotakPositionUpdate(
    string Symbol,
    string? TradingSymbol,
    string Segment,
    InstrumentId? Instrument,
    ProductType? Product,
    int BuyQuantity,
    int SellQuantity,
    decimal BuyAmount,
    decimal SellAmount,
    decimal Multiplier,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The position as the gateway reports positions; null when the instrument or product is unknown (refresh positions by REST then).</summary>
    public BrokerPosition? ToBrokerPosition() =>
        Instrument is { } instrument && Product is { } product
            ? new BrokerPosition(instrument, TradingSymbol ?? Symbol, product, BuyQuantity, SellQuantity, BuyAmount, SellAmount, Multiplier)
            : null;
}
