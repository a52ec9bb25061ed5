namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>An index value, code 7207, 87 bytes. Prices are already divided by the exchange's divider.</summary>
/// <param name="Header">The packet header.</param>
/// <param name="Token">@9 u32.</param>
/// <param name="Open">@13 i32.</param>
/// <param name="PreviousClose">@17 i32.</param>
/// <param name="High">@21 i32.</param>
/// <param name="Low">@25 i32.</param>
/// <param name="Value">@29 i32: the index value (its LTP).</param>
/// <param name="LastTradeTime">@33 u64: raw, normally Unix seconds.</param>
/// <param name="YearlyHigh">@41 i32.</param>
/// <param name="YearlyLow">@45 i32.</param>
/// <param name="NetChangePercent">@49 i32 / 100.</param>
/// <param name="Precision">@61 u8.</param>
/// <param name="Multiplier">@62 i32 / divider, as the SDK reads it.</param>
/// <param name="Name">@66 char[21]: UTF-8, NUL-padded.</param>
public readonly record struct SFeedIndexPacket(
    SFeedPacketHeader Header,
    uint Token,
    decimal Open,
    decimal PreviousClose,
    decimal High,
    decimal Low,
    decimal Value,
    long LastTradeTime,
    decimal YearlyHigh,
    decimal YearlyLow,
    decimal NetChangePercent,
    byte Precision,
    decimal Multiplier,
    string Name)
{
    /// <summary>Bytes in an index packet.</summary>
    public const int Size = 87;
}
