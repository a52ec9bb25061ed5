namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// A full market picture, code 7208 level 2/4/8/16: a 144-byte body, then depth rows (bids
/// first). Prices are already divided by the exchange's divider.
/// </summary>
/// <param name="Header">The packet header.</param>
/// <param name="Token">@9 u32.</param>
/// <param name="TotalBuyQuantity">@13 i64.</param>
/// <param name="TotalSellQuantity">@21 i64.</param>
/// <param name="Volume">@29 i64: traded today.</param>
/// <param name="LastTradeTime">@37 i64: raw, normally Unix seconds.</param>
/// <param name="LastUpdateTime">@45 i64: raw, normally Unix seconds.</param>
/// <param name="Open">@53 u32.</param>
/// <param name="PreviousClose">@57 u32.</param>
/// <param name="High">@61 u32.</param>
/// <param name="Low">@65 u32.</param>
/// <param name="LastPrice">@69 u32.</param>
/// <param name="LastQuantity">@73 i64.</param>
/// <param name="AveragePrice">@81 u32.</param>
/// <param name="BuyDepthCount">@89 u32: bid rows the server says follow.</param>
/// <param name="SellDepthCount">@93 u32: ask rows the server says follow.</param>
/// <param name="NetChangePercent">@99 i32 / 100.</param>
/// <param name="OpenInterest">@103 u32.</param>
/// <param name="TotalTradedValue">@107 f64.</param>
/// <param name="NetChange">@115 i32.</param>
/// <param name="UpperCircuit">@119 u32.</param>
/// <param name="LowerCircuit">@123 u32.</param>
/// <param name="YearlyHigh">@127 u32.</param>
/// <param name="YearlyLow">@131 u32.</param>
/// <param name="MarketLot">@135 u32.</param>
/// <param name="Precision">@139 u8.</param>
/// <param name="Multiplier">@140 u32.</param>
/// <param name="Bids">The bid rows actually present, best first.</param>
/// <param name="Asks">The ask rows actually present, best first.</param>
public readonly record struct SFeedMarketPicturePacket(
    SFeedPacketHeader Header,
    uint Token,
    long TotalBuyQuantity,
    long TotalSellQuantity,
    long Volume,
    long LastTradeTime,
    long LastUpdateTime,
    decimal Open,
    decimal PreviousClose,
    decimal High,
    decimal Low,
    decimal LastPrice,
    long LastQuantity,
    decimal AveragePrice,
    uint BuyDepthCount,
    uint SellDepthCount,
    decimal NetChangePercent,
    long OpenInterest,
    decimal TotalTradedValue,
    decimal NetChange,
    decimal UpperCircuit,
    decimal LowerCircuit,
    decimal YearlyHigh,
    decimal YearlyLow,
    uint MarketLot,
    byte Precision,
    uint Multiplier,
    IReadOnlyList<SFeedDepthRow> Bids,
    IReadOnlyList<SFeedDepthRow> Asks)
{
    /// <summary>Bytes before the depth rows.</summary>
    public const int BodySize = 144;
}
