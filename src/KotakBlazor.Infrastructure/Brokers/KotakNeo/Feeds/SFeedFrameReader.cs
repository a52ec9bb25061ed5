using System.Buffers.Binary;
using System.Text;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// Decodes SFeed's binary frames (native_batch): several little-endian packets end to end,
/// each starting with its own length. Never throws on bad bytes: a packet too short for its
/// layout is skipped, and a length that runs past the frame ends the frame.
/// </summary>
public static class SFeedFrameReader
{
    /// <summary>Packet code of an index value.</summary>
    public const ushort IndexCode = 7207;

    /// <summary>Packet code of a touch line or market picture (told apart by level).</summary>
    public const ushort PictureCode = 7208;

    /// <summary>Packet code of an exchange's market status.</summary>
    public const ushort MarketStatusCode = 105;

    /// <summary>Packet code of a call-auction (CAS) reference price.</summary>
    public const ushort CasCode = 104;

    private const int Level4Rows = 1;

    /// <summary>Hands every packet in <paramref name="frame"/> to <paramref name="handler"/>, in order.</summary>
    public static SFeedFrameSummary Read(ReadOnlySpan<byte> frame, SFeedDividers dividers, ISFeedPacketHandler handler)
    {
        ArgumentNullException.ThrowIfNull(dividers);
        ArgumentNullException.ThrowIfNull(handler);
        var offset = 0;
        var decoded = 0;
        var skipped = 0;
        while (frame.Length - offset >= 2)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(frame[offset..]);
            if (length < SFeedPacketHeader.Size || length > frame.Length - offset)
            {
                // A length that cannot be right: nothing after it can be trusted.
                break;
            }

            if (Dispatch(frame.Slice(offset, length), dividers, handler))
            {
                decoded++;
            }
            else
            {
                skipped++;
            }

            offset += length;
        }

        return new SFeedFrameSummary(decoded, skipped, frame.Length - offset);
    }

    private static bool Dispatch(ReadOnlySpan<byte> packet, SFeedDividers dividers, ISFeedPacketHandler handler)
    {
        var header = new SFeedPacketHeader(
            BinaryPrimitives.ReadUInt16LittleEndian(packet),
            BinaryPrimitives.ReadUInt16LittleEndian(packet[2..]),
            (sbyte)packet[4],
            packet[5],
            packet[6],
            packet[7],
            packet[8]);
        var divider = dividers.For(header.ExchangeId);
        switch (header.Code)
        {
            case IndexCode when packet.Length < SFeedIndexPacket.Size:
                return Skip(handler, header, true, $"index packet of {packet.Length} bytes, {SFeedIndexPacket.Size} needed");
            case IndexCode:
                handler.OnIndex(ReadIndex(packet, header, divider));
                return true;
            case MarketStatusCode when packet.Length < SFeedMarketStatusPacket.Size:
                return Skip(handler, header, true, $"market status packet of {packet.Length} bytes, {SFeedMarketStatusPacket.Size} needed");
            case MarketStatusCode:
                handler.OnMarketStatus(new SFeedMarketStatusPacket(header, BinaryPrimitives.ReadUInt16LittleEndian(packet[9..]), Text(packet.Slice(11, 5))));
                return true;
            case CasCode:
                return Skip(handler, header, false, "call-auction reference prices are not used");
            case PictureCode when header.Level == 1 && packet.Length < SFeedTouchlinePacket.Size:
                return Skip(handler, header, true, $"touch-line packet of {packet.Length} bytes, {SFeedTouchlinePacket.Size} needed");
            case PictureCode when header.Level == 1:
                handler.OnTouchline(ReadTouchline(packet, header, divider));
                return true;
            case PictureCode when header.Level is 2 or 4 or 8 or 16 && packet.Length < SFeedMarketPicturePacket.BodySize:
                return Skip(handler, header, true, $"market picture of {packet.Length} bytes, {SFeedMarketPicturePacket.BodySize} needed");
            case PictureCode when header.Level is 2 or 4 or 8 or 16:
                handler.OnMarketPicture(ReadPicture(packet, header, divider));
                return true;
            case PictureCode:
                return Skip(handler, header, false, $"level {header.Level} is not a known market-picture level");
            default:
                return Skip(handler, header, false, $"message code {header.Code} is not read by this client");
        }
    }

    private static bool Skip(ISFeedPacketHandler handler, SFeedPacketHeader header, bool malformed, string reason)
    {
        handler.OnSkipped(header, malformed, reason);
        return false;
    }

    private static SFeedIndexPacket ReadIndex(ReadOnlySpan<byte> p, SFeedPacketHeader header, decimal divider) => new(
        header,
        U32(p, 9),
        I32(p, 13) / divider,
        I32(p, 17) / divider,
        I32(p, 21) / divider,
        I32(p, 25) / divider,
        I32(p, 29) / divider,
        (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(p[33..]), long.MaxValue),
        I32(p, 41) / divider,
        I32(p, 45) / divider,
        I32(p, 49) / 100m,
        p[61],
        I32(p, 62) / divider,
        Text(p.Slice(66, 21)));

    private static SFeedTouchlinePacket ReadTouchline(ReadOnlySpan<byte> p, SFeedPacketHeader header, decimal divider) => new(
        header,
        U32(p, 9),
        I64(p, 13),
        U32(p, 21) / divider,
        I64(p, 25),
        U32(p, 33) / divider,
        I32(p, 37) / 100m,
        I32(p, 41) / divider,
        U32(p, 45),
        p[49],
        U32(p, 50));

    private static SFeedMarketPicturePacket ReadPicture(ReadOnlySpan<byte> p, SFeedPacketHeader header, decimal divider)
    {
        var buyCount = U32(p, 89);
        var sellCount = U32(p, 93);
        var rows = (p.Length - SFeedMarketPicturePacket.BodySize) / SFeedDepthRow.Size;

        // Level 4 is the touch line: one bid and one ask whatever the counts claim. Otherwise the
        // counts, but never past the packet's own length.
        var bidRows = header.Level == 4 ? Math.Min(Level4Rows, rows) : (int)Math.Min(buyCount, (uint)rows);
        var askRows = header.Level == 4 ? Math.Min(Level4Rows, rows - bidRows) : (int)Math.Min(sellCount, (uint)(rows - bidRows));
        var bids = Depth(p, SFeedMarketPicturePacket.BodySize, bidRows, divider);
        var asks = Depth(p, SFeedMarketPicturePacket.BodySize + (bidRows * SFeedDepthRow.Size), askRows, divider);
        var tradedValue = BinaryPrimitives.ReadDoubleLittleEndian(p[107..]);
        return new SFeedMarketPicturePacket(
            header,
            U32(p, 9),
            I64(p, 13),
            I64(p, 21),
            I64(p, 29),
            I64(p, 37),
            I64(p, 45),
            U32(p, 53) / divider,
            U32(p, 57) / divider,
            U32(p, 61) / divider,
            U32(p, 65) / divider,
            U32(p, 69) / divider,
            I64(p, 73),
            U32(p, 81) / divider,
            buyCount,
            sellCount,
            I32(p, 99) / 100m,
            U32(p, 103),
            double.IsFinite(tradedValue) && Math.Abs(tradedValue) < 1e20 ? (decimal)tradedValue / divider : 0m,
            I32(p, 115) / divider,
            U32(p, 119) / divider,
            U32(p, 123) / divider,
            U32(p, 127) / divider,
            U32(p, 131) / divider,
            U32(p, 135),
            p[139],
            U32(p, 140),
            bids,
            asks);
    }

    private static SFeedDepthRow[] Depth(ReadOnlySpan<byte> p, int offset, int count, decimal divider)
    {
        if (count <= 0)
        {
            return [];
        }

        var rows = new SFeedDepthRow[count];
        for (var i = 0; i < count; i++)
        {
            var row = p.Slice(offset + (i * SFeedDepthRow.Size), SFeedDepthRow.Size);
            rows[i] = new SFeedDepthRow(I64(row, 0), I32(row, 8) / divider, I32(row, 12));
        }

        return rows;
    }

    private static uint U32(ReadOnlySpan<byte> p, int at) => BinaryPrimitives.ReadUInt32LittleEndian(p[at..]);

    private static int I32(ReadOnlySpan<byte> p, int at) => BinaryPrimitives.ReadInt32LittleEndian(p[at..]);

    private static long I64(ReadOnlySpan<byte> p, int at) => BinaryPrimitives.ReadInt64LittleEndian(p[at..]);

    // NUL-padded UTF-8; anything after the first NUL is padding.
    private static string Text(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]).Trim();
    }
}
