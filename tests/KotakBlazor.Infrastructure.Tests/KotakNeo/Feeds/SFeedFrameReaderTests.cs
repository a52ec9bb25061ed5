using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class SFeedFrameReaderTests
{
    // Kotak's worked example (guide section 10): nse_cm token 11536, LTP 123456, close 122000, 1.19 %, change 1456.
    // Written out with Python's struct ('<HHbBBBB' + '<IqIqIiiIBI'), independently of this code.
    private const string WorkedExample =
        "3600281c0101000700" + "102d0000" + "8026b46800000000" + "40e20100" + "1900000000000000" + "90dc0100" + "77000000" + "b0050000" + "01000000" + "02" + "01000000";

    // Index, nse_cm token 26000 "Nifty 50": open 24500.00, close 24400.50, high 24600.25, low 24450.00, value 24550.75,
    // time 1790043300, yearly 26200.00/21500.00, 0.62 %, precision 2, multiplier 100. Python struct '<IiiiiiQiiidBi21s'.
    private const string NiftyIndex =
        "5700271c01000003009065000050622500723b250079892500c84e250023762500a4e4b16a0000000060fa270070ce20003e00000000000000"
        + "0000000002640000004e6966747920353000000000000000000000000000";

    // Level-4 market picture, nse_fo token 56526, depth counts 5/5 but one bid and one ask row follow.
    // Python struct '<IqqqqqIIIIIqIIIIhiIdiIIIIIBI' + 2 x '<qii'.
    private const string PutPicture =
        "b000281c0204000900cedc000088f504000000000090410600000000004e61bc0000000000500bb26a00000000510bb26a00000000d0340000"
        + "5a32000046370000fd2a0000bd3300008200000000000000d432000000000000050000000500000000001301000052b345000000006a06f0d7"
        + "4163010000409c000005000000d07e0100f90100004100000002010000009e07000000000000b83300000c0000008a02000000000000c2330000"
        + "04000000";

    private static readonly SFeedDividers Hundred = SFeedDividers.Defaults;

    [Fact]
    public void The_guides_worked_example_decodes_to_its_documented_values()
    {
        var handler = new RecordingPacketHandler();

        var summary = SFeedFrameReader.Read(Convert.FromHexString(WorkedExample), Hundred, handler);

        Assert.Equal(new SFeedFrameSummary(1, 0, 0), summary);
        var packet = Assert.IsType<SFeedTouchlinePacket>(Assert.Single(handler.Packets));
        Assert.Equal(new SFeedPacketHeader(54, 7208, 1, 1, 0, 7, 0), packet.Header);
        Assert.Equal(
            (11536u, 1756636800L, 1234.56m, 25L, 1220.00m, 1.19m, 14.56m, 1u, (byte)2, 1u),
            (packet.Token, packet.LastTradeTime, packet.LastPrice, packet.LastQuantity, packet.PreviousClose, packet.NetChangePercent, packet.NetChange,
                packet.MarketLot, packet.Precision, packet.Multiplier));
    }

    [Fact]
    public void The_test_frame_builder_writes_exactly_the_independently_written_bytes()
    {
        Assert.Equal(WorkedExample, Convert.ToHexString(
            SFeedFrames.Touchline(SFeedFrames.NseCm, 11536, 123456, 122000, 1756636800, lastQuantity: 25, changePercent: 119, change: 1456, sequence: 7)), ignoreCase: true);
        Assert.Equal(NiftyIndex, Convert.ToHexString(
            SFeedFrames.Index(SFeedFrames.NseCm, 26000, 2455075, 2440050, 1790043300, "Nifty 50", open: 2450000, high: 2460025, low: 2445000,
                yearlyHigh: 2620000, yearlyLow: 2150000, changePercent: 62, sequence: 3)), ignoreCase: true);
        Assert.Equal(PutPicture, Convert.ToHexString(SFeedFrames.Picture(SFeedFrames.NseFo, 56526, PutFields, level: 4, sequence: 9, (1950, 13240, 12), (650, 13250, 4))), ignoreCase: true);
    }

    [Fact]
    public void An_index_packet_decodes_every_field_divided_and_its_padded_name()
    {
        var handler = new RecordingPacketHandler();

        SFeedFrameReader.Read(Convert.FromHexString(NiftyIndex), Hundred, handler);

        var index = Assert.IsType<SFeedIndexPacket>(Assert.Single(handler.Packets));
        Assert.Equal(
            new SFeedIndexPacket(new SFeedPacketHeader(87, 7207, 1, 0, 0, 3, 0), 26000, 24500.00m, 24400.50m, 24600.25m, 24450.00m, 24550.75m,
                1790043300, 26200.00m, 21500.00m, 0.62m, 2, 1m, "Nifty 50"),
            index);
    }

    [Fact]
    public void A_level_4_picture_reads_one_bid_and_one_ask_whatever_the_counts_say()
    {
        var handler = new RecordingPacketHandler();

        var summary = SFeedFrameReader.Read(Convert.FromHexString(PutPicture), Hundred, handler);

        Assert.Equal(new SFeedFrameSummary(1, 0, 0), summary);
        var picture = Assert.IsType<SFeedMarketPicturePacket>(Assert.Single(handler.Packets));
        Assert.Equal(new SFeedPacketHeader(176, 7208, 2, 4, 0, 9, 0), picture.Header);
        Assert.Equal(
            (56526u, 325000L, 410000L, 12345678L, 1790053200L, 1790053201L, 135.20m, 128.90m, 141.50m, 110.05m, 132.45m, 130L, 130.12m, 5u, 5u),
            (picture.Token, picture.TotalBuyQuantity, picture.TotalSellQuantity, picture.Volume, picture.LastTradeTime, picture.LastUpdateTime,
                picture.Open, picture.PreviousClose, picture.High, picture.Low, picture.LastPrice, picture.LastQuantity, picture.AveragePrice,
                picture.BuyDepthCount, picture.SellDepthCount));
        Assert.Equal(
            (2.75m, 4567890L, 16064250.00m, 3.55m, 400.00m, 0.05m, 980.00m, 5.05m, 65u, (byte)2, 1u),
            (picture.NetChangePercent, picture.OpenInterest, picture.TotalTradedValue, picture.NetChange, picture.UpperCircuit, picture.LowerCircuit,
                picture.YearlyHigh, picture.YearlyLow, picture.MarketLot, picture.Precision, picture.Multiplier));
        Assert.Equal([new SFeedDepthRow(1950, 132.40m, 12)], picture.Bids);
        Assert.Equal([new SFeedDepthRow(650, 132.50m, 4)], picture.Asks);
    }

    [Fact]
    public void A_depth_picture_reads_the_counted_rows_bids_first()
    {
        var rows = Enumerable.Range(0, 5).Select(i => ((long)(100 * (i + 1)), 13240 - (5 * i), i + 1))
            .Concat(Enumerable.Range(0, 5).Select(i => ((long)(50 * (i + 1)), 13250 + (5 * i), i + 10))).ToArray();
        var frame = SFeedFrames.Picture(SFeedFrames.NseFo, 56526, PutFields, level: 8, rows: rows);
        var handler = new RecordingPacketHandler();

        SFeedFrameReader.Read(frame, Hundred, handler);

        var picture = Assert.IsType<SFeedMarketPicturePacket>(Assert.Single(handler.Packets));
        Assert.Equal([132.40m, 132.35m, 132.30m, 132.25m, 132.20m], picture.Bids.Select(r => r.Price));
        Assert.Equal([100L, 200, 300, 400, 500], picture.Bids.Select(r => r.Quantity));
        Assert.Equal([132.50m, 132.55m, 132.60m, 132.65m, 132.70m], picture.Asks.Select(r => r.Price));
        Assert.Equal([10, 11, 12, 13, 14], picture.Asks.Select(r => r.Orders));
    }

    [Fact]
    public void Depth_counts_larger_than_the_packet_stop_at_its_length()
    {
        // Counts say 5 and 5; only three rows fit in the packet's own length.
        var frame = SFeedFrames.Picture(SFeedFrames.NseFo, 56526, PutFields, level: 8, rows: [(1, 13240, 1), (2, 13235, 1), (3, 13230, 1)]);
        var handler = new RecordingPacketHandler();

        SFeedFrameReader.Read(SFeedFrames.Batch(frame, SFeedFrames.MarketStatus(SFeedFrames.NseFo, 1, "OPEN")), Hundred, handler);

        var picture = Assert.IsType<SFeedMarketPicturePacket>(handler.Packets[0]);
        Assert.Equal([1L, 2, 3], picture.Bids.Select(r => r.Quantity));
        Assert.Empty(picture.Asks);
        Assert.IsType<SFeedMarketStatusPacket>(handler.Packets[1]);
    }

    [Fact]
    public void Each_exchange_divides_by_its_own_divider_from_the_auth_reply()
    {
        var dividers = SFeedDividers.From([("nse_cm", 100m, null), ("cde_fo", 10_000_000m, null), ("mcx_fo", 100m, null), ("bse_fo", 1000m, 6)]);
        var frame = SFeedFrames.Batch(
            SFeedFrames.Touchline(SFeedFrames.CdeFo, 1001, 832_512_500, 830_000_000, 1790053200),
            SFeedFrames.Touchline(SFeedFrames.McxFo, 2002, 7_215_000, 7_100_000, 1790053200),
            SFeedFrames.Touchline(SFeedFrames.BseFo, 3003, 8_125_500, 8_000_000, 1790053200),
            SFeedFrames.Touchline(4, 4004, 1_234_500, 1_200_000, 1790053200));
        var handler = new RecordingPacketHandler();

        SFeedFrameReader.Read(frame, dividers, handler);

        // cde_fo 832512500 / 10,000,000 = 83.25125; mcx 7215000 / 100; bse_fo by its explicit id 6 / 1000; nse_com (4) unannounced: / 100.
        Assert.Equal([83.25125m, 72150.00m, 8125.500m, 12345.00m], handler.Packets.Cast<SFeedTouchlinePacket>().Select(p => p.LastPrice));
        Assert.Equal(83m, handler.Packets.Cast<SFeedTouchlinePacket>().First().PreviousClose);
    }

    [Fact]
    public void A_batched_frame_hands_over_every_packet_in_order()
    {
        var frame = SFeedFrames.Batch(
            Convert.FromHexString(NiftyIndex),
            Convert.FromHexString(WorkedExample),
            Convert.FromHexString(PutPicture),
            SFeedFrames.MarketStatus(SFeedFrames.NseCm, 2, "CLOSE"));
        var handler = new RecordingPacketHandler();

        var summary = SFeedFrameReader.Read(frame, Hundred, handler);

        Assert.Equal(new SFeedFrameSummary(4, 0, 0), summary);
        Assert.Equal([typeof(SFeedIndexPacket), typeof(SFeedTouchlinePacket), typeof(SFeedMarketPicturePacket), typeof(SFeedMarketStatusPacket)], handler.Packets.Select(p => p.GetType()));
        var status = Assert.IsType<SFeedMarketStatusPacket>(handler.Packets[3]);
        Assert.Equal((SFeedFrames.NseCm, (ushort)2, "CLOSE"), (status.Header.ExchangeId, status.StatusCode, status.Status));
    }

    [Fact]
    public void A_truncated_tail_stops_the_frame_after_the_whole_packets()
    {
        var whole = Convert.FromHexString(WorkedExample);
        var frame = SFeedFrames.Batch(whole, whole[..30]);
        var handler = new RecordingPacketHandler();

        var summary = SFeedFrameReader.Read(frame, Hundred, handler);

        Assert.Equal(new SFeedFrameSummary(1, 0, 30), summary);
        Assert.Single(handler.Packets);
    }

    [Fact]
    public void Lengths_below_the_header_or_a_single_stray_byte_end_the_frame()
    {
        var handler = new RecordingPacketHandler();

        Assert.Equal(new SFeedFrameSummary(0, 0, 10), SFeedFrameReader.Read(Convert.FromHexString("0500281c010100070000"), Hundred, handler));
        Assert.Equal(new SFeedFrameSummary(1, 0, 1), SFeedFrameReader.Read(SFeedFrames.Batch(Convert.FromHexString(WorkedExample), [0x36]), Hundred, handler));
        Assert.Equal(new SFeedFrameSummary(0, 0, 0), SFeedFrameReader.Read([], Hundred, handler));
    }

    [Fact]
    public void Packets_too_short_for_their_layout_are_skipped_as_malformed_and_the_next_one_still_reads()
    {
        var frame = SFeedFrames.Batch(
            SFeedFrames.Packet(40, 7208, SFeedFrames.NseCm, 1, 0),
            SFeedFrames.Packet(80, 7207, SFeedFrames.NseCm, 0, 0),
            SFeedFrames.Packet(143, 7208, SFeedFrames.NseFo, 4, 0),
            SFeedFrames.Packet(12, 105, SFeedFrames.NseCm, 0, 0),
            Convert.FromHexString(WorkedExample));
        var handler = new RecordingPacketHandler();

        var summary = SFeedFrameReader.Read(frame, Hundred, handler);

        Assert.Equal(new SFeedFrameSummary(1, 4, 0), summary);
        Assert.All(handler.Skipped, s => Assert.True(s.Malformed));
        Assert.Equal([(ushort)7208, (ushort)7207, (ushort)7208, (ushort)105], handler.Skipped.Select(s => s.Header.Code));
        Assert.IsType<SFeedTouchlinePacket>(Assert.Single(handler.Packets));
    }

    [Fact]
    public void Unknown_codes_unused_cas_packets_and_unknown_levels_are_skipped_without_being_called_malformed()
    {
        var frame = SFeedFrames.Batch(
            SFeedFrames.Packet(20, 9999, SFeedFrames.NseCm, 0, 0),
            SFeedFrames.Packet(48, 104, SFeedFrames.NseCm, 0, 0),
            SFeedFrames.Packet(144, 7208, SFeedFrames.NseFo, 3, 0),
            Convert.FromHexString(WorkedExample));
        var handler = new RecordingPacketHandler();

        var summary = SFeedFrameReader.Read(frame, Hundred, handler);

        Assert.Equal(new SFeedFrameSummary(1, 3, 0), summary);
        Assert.All(handler.Skipped, s => Assert.False(s.Malformed));
        Assert.Contains("9999", handler.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("level 3", handler.Skipped[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_garbage_never_throws_and_never_reads_past_the_frame()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 2000; i++)
        {
            var garbage = new byte[random.Next(0, 400)];
            random.NextBytes(garbage);
            if (garbage.Length >= 9 && i % 2 == 0)
            {
                // Half the frames get a plausible first length, so the layouts themselves are exercised too.
                garbage[0] = (byte)random.Next(9, Math.Min(255, garbage.Length + 1));
                garbage[1] = 0;
            }

            var summary = SFeedFrameReader.Read(garbage, Hundred, new RecordingPacketHandler());

            Assert.InRange(summary.TrailingBytes, 0, garbage.Length);
        }
    }

    private static SFeedPicture PutFields => new()
    {
        TotalBuyQuantity = 325000, TotalSellQuantity = 410000, Volume = 12345678, LastTradeTime = 1790053200, LastUpdateTime = 1790053201,
        Open = 13520, Close = 12890, High = 14150, Low = 11005, LastPrice = 13245, LastQuantity = 130, AveragePrice = 13012,
        BuyDepthCount = 5, SellDepthCount = 5, ChangePercent = 275, OpenInterest = 4567890, TotalTradedValue = 1606425000.0, Change = 355,
        UpperCircuit = 40000, LowerCircuit = 5, YearlyHigh = 98000, YearlyLow = 505, Lot = 65, Precision = 2, Multiplier = 1,
    };
}
