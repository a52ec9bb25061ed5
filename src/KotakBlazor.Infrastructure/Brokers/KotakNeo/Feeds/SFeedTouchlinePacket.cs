namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>A mini touch line, code 7208 level 1, 54 bytes. Prices are already divided by the exchange's divider.</summary>
/// <param name="Header">The packet header.</param>
/// <param name="Token">@9 u32.</param>
/// <param name="LastTradeTime">@13 i64: raw, normally Unix seconds.</param>
/// <param name="LastPrice">@21 u32.</param>
/// <param name="LastQuantity">@25 i64.</param>
/// <param name="PreviousClose">
/// @33 u32, divided like every price. Kotak's SDK and guide use it undivided, but the guide's own
/// example proves it scaled: LTP 123456 -> 1234.56 with net change 1456 -> 14.56 means a close of
/// 1220.00, and the raw close is 122000.
/// </param>
/// <param name="NetChangePercent">@37 i32 / 100.</param>
/// <param name="NetChange">@41 i32.</param>
/// <param name="MarketLot">@45 u32.</param>
/// <param name="Precision">@49 u8.</param>
/// <param name="Multiplier">@50 u32.</param>
public readonly record struct SFeedTouchlinePacket(
    SFeedPacketHeader Header,
    uint Token,
    long LastTradeTime,
    decimal LastPrice,
    long LastQuantity,
    decimal PreviousClose,
    decimal NetChangePercent,
    decimal NetChange,
    uint MarketLot,
    byte Precision,
    uint Multiplier)
{
    /// <summary>Bytes in a mini touch-line packet.</summary>
    public const int Size = 54;
}
