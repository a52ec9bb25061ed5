using System.Buffers.Binary;
using System.Text;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>
/// Builds SFeed binary packets byte for byte as Kotak's guide lays them out (little-endian,
/// packed), for the fake server to push and for decoder tests. Prices are raw integers, as on
/// the wire. Checked against frames written out independently in the decoder tests.
/// </summary>
internal static class SFeedFrames
{
    public const sbyte NseCm = 1;
    public const sbyte NseFo = 2;
    public const sbyte CdeFo = 3;
    public const sbyte BseFo = 6;
    public const sbyte McxFo = 9;

    public static byte[] Index(sbyte exchange, uint token, int value, int close, ulong time, string name = "", int open = 0, int high = 0, int low = 0,
        int yearlyHigh = 0, int yearlyLow = 0, int changePercent = 0, byte precision = 2, int multiplier = 100, byte level = 0, byte sequence = 0)
    {
        var p = Packet(87, 7207, exchange, level, sequence);
        U32(p, 9, token);
        I32(p, 13, open);
        I32(p, 17, close);
        I32(p, 21, high);
        I32(p, 25, low);
        I32(p, 29, value);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(33), time);
        I32(p, 41, yearlyHigh);
        I32(p, 45, yearlyLow);
        I32(p, 49, changePercent);
        p[61] = precision;
        I32(p, 62, multiplier);
        Encoding.UTF8.GetBytes(name).CopyTo(p.AsSpan(66, 21));
        return p;
    }

    public static byte[] Touchline(sbyte exchange, uint token, uint lastPrice, uint close, long time, long lastQuantity = 0, int changePercent = 0, int change = 0,
        uint lot = 1, byte precision = 2, uint multiplier = 1, byte sequence = 0)
    {
        var p = Packet(54, 7208, exchange, 1, sequence);
        U32(p, 9, token);
        I64(p, 13, time);
        U32(p, 21, lastPrice);
        I64(p, 25, lastQuantity);
        U32(p, 33, close);
        I32(p, 37, changePercent);
        I32(p, 41, change);
        U32(p, 45, lot);
        p[49] = precision;
        U32(p, 50, multiplier);
        return p;
    }

    public static byte[] Picture(sbyte exchange, uint token, SFeedPicture fields, byte level = 4, byte sequence = 0, params (long Quantity, int Price, int Orders)[] rows)
    {
        var p = Packet(144 + (16 * rows.Length), 7208, exchange, level, sequence);
        U32(p, 9, token);
        I64(p, 13, fields.TotalBuyQuantity);
        I64(p, 21, fields.TotalSellQuantity);
        I64(p, 29, fields.Volume);
        I64(p, 37, fields.LastTradeTime);
        I64(p, 45, fields.LastUpdateTime);
        U32(p, 53, fields.Open);
        U32(p, 57, fields.Close);
        U32(p, 61, fields.High);
        U32(p, 65, fields.Low);
        U32(p, 69, fields.LastPrice);
        I64(p, 73, fields.LastQuantity);
        U32(p, 81, fields.AveragePrice);
        U32(p, 89, fields.BuyDepthCount);
        U32(p, 93, fields.SellDepthCount);
        I32(p, 99, fields.ChangePercent);
        U32(p, 103, fields.OpenInterest);
        BinaryPrimitives.WriteDoubleLittleEndian(p.AsSpan(107), fields.TotalTradedValue);
        I32(p, 115, fields.Change);
        U32(p, 119, fields.UpperCircuit);
        U32(p, 123, fields.LowerCircuit);
        U32(p, 127, fields.YearlyHigh);
        U32(p, 131, fields.YearlyLow);
        U32(p, 135, fields.Lot);
        p[139] = fields.Precision;
        U32(p, 140, fields.Multiplier);
        for (var i = 0; i < rows.Length; i++)
        {
            I64(p, 144 + (16 * i), rows[i].Quantity);
            I32(p, 152 + (16 * i), rows[i].Price);
            I32(p, 156 + (16 * i), rows[i].Orders);
        }

        return p;
    }

    public static byte[] MarketStatus(sbyte exchange, ushort statusCode, string status)
    {
        var p = Packet(16, 105, exchange, 0, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(9), statusCode);
        Encoding.ASCII.GetBytes(status).CopyTo(p.AsSpan(11, 5));
        return p;
    }

    /// <summary>A packet of any code and length, zero-filled after the header.</summary>
    public static byte[] Packet(int length, ushort code, sbyte exchange, byte level, byte sequence)
    {
        var p = new byte[length];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(2), code);
        p[4] = (byte)exchange;
        p[5] = level;
        p[7] = sequence;
        return p;
    }

    /// <summary>Packets end to end in one frame, as native_batch sends them.</summary>
    public static byte[] Batch(params byte[][] packets) => [.. packets.SelectMany(p => p)];

    private static void U32(byte[] p, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(at), value);

    private static void I32(byte[] p, int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(at), value);

    private static void I64(byte[] p, int at, long value) => BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at), value);
}
