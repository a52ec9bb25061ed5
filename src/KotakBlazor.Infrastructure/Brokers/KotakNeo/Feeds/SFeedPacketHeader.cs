namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>The 9-byte header every SFeed binary packet starts with (little-endian).</summary>
/// <param name="Length">@0 u16: the whole packet's length, header included.</param>
/// <param name="Code">@2 u16: 7207 index, 7208 touch line or market picture, 105 market status, 104 CAS.</param>
/// <param name="ExchangeId">@4 i8: 1 nse_cm, 2 nse_fo, 3 cde_fo, 5 bse_cm, 6 bse_fo, 9 mcx_fo, ...</param>
/// <param name="Level">@5 u8: 1 mini touch line; 2, 4, 8, 16 market picture.</param>
/// <param name="Reserved">@6 u8: above 0 in an auction.</param>
/// <param name="Sequence">@7 u8: informational.</param>
/// <param name="BitmaskLength">@8 u8: 0 in native_batch.</param>
public readonly record struct SFeedPacketHeader(ushort Length, ushort Code, sbyte ExchangeId, byte Level, byte Reserved, byte Sequence, byte BitmaskLength)
{
    /// <summary>Bytes in the header.</summary>
    public const int Size = 9;
}
