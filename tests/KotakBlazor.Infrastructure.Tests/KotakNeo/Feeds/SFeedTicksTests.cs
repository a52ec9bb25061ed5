using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class SFeedTicksTests
{
    private static readonly DateTimeOffset Received = new(2026, 9, 21, 4, 30, 0, TimeSpan.Zero);
    private static readonly InstrumentId Put = new(ExchangeSegment.NseFo, 56526);

    [Fact]
    public void A_market_picture_becomes_a_tick_with_volume_oi_best_bid_and_ask()
    {
        var picture = Picture(lastTradeTime: 1790053200, lastUpdateTime: 1790053201);

        var tick = SFeedTicks.FromPicture(picture, Put, Received);

        // The later of trade and update time: a bid/ask change without a trade must not look like a repeat.
        Assert.Equal(new Tick(Put, 132.45m, 130, 12345678, 4567890, 132.40m, 132.50m, 128.90m, DateTimeOffset.FromUnixTimeSeconds(1790053201)), tick);
    }

    [Fact]
    public void A_picture_without_depth_rows_has_no_bid_or_ask()
    {
        var tick = SFeedTicks.FromPicture(Picture(1790053200, 0) with { Bids = [], Asks = [] }, Put, Received);

        Assert.Equal((0m, 0m, DateTimeOffset.FromUnixTimeSeconds(1790053200)), (tick.BidPrice, tick.AskPrice, tick.ExchangeTime));
    }

    [Fact]
    public void Index_and_touch_line_ticks_carry_price_quantity_and_previous_close()
    {
        var header = new SFeedPacketHeader(87, 7207, 1, 0, 0, 0, 0);
        var index = new SFeedIndexPacket(header, 26000, 24500m, 24400.50m, 24600m, 24450m, 24550.75m, 1790043300, 0, 0, 0.62m, 2, 1, "Nifty 50");
        var touch = new SFeedTouchlinePacket(header with { Code = 7208, Level = 1 }, 11536, 1756636800, 1234.56m, 25, 1220m, 1.19m, 14.56m, 1, 2, 1);
        var nifty = new InstrumentId(ExchangeSegment.NseCm, 26000);
        var tcs = new InstrumentId(ExchangeSegment.NseCm, 11536);

        Assert.Equal(new Tick(nifty, 24550.75m, 0, 0, 0, 0, 0, 24400.50m, DateTimeOffset.FromUnixTimeSeconds(1790043300)), SFeedTicks.FromIndex(index, nifty, Received));
        Assert.Equal(new Tick(tcs, 1234.56m, 25, 0, 0, 0, 0, 1220m, DateTimeOffset.FromUnixTimeSeconds(1756636800)), SFeedTicks.FromTouchline(touch, tcs, Received));
    }

    [Theory]
    [InlineData(1790053200L, 1790053200L)]
    [InlineData(1790053200123L, 1790053200L)]
    [InlineData(1790053200123456L, 1790053200L)]
    [InlineData(1790053200123456789L, 1790053200L)]
    public void Exchange_times_in_seconds_or_finer_units_read_as_the_same_instant(long raw, long unixSeconds) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), SFeedTicks.Time(raw, Received));

    [Fact]
    public void A_missing_exchange_time_is_stamped_with_the_receive_time() => Assert.Equal(Received, SFeedTicks.Time(0, Received));

    [Theory]
    [InlineData((sbyte)1, 2885u, true)]
    [InlineData((sbyte)9, 2885u, true)]
    [InlineData((sbyte)4, 2885u, false)]
    [InlineData((sbyte)0, 2885u, false)]
    [InlineData((sbyte)-1, 2885u, false)]
    [InlineData((sbyte)2, 0u, false)]
    [InlineData((sbyte)2, 3_000_000_000u, false)]
    public void Only_modelled_segments_and_positive_tokens_make_instruments(sbyte exchangeId, uint token, bool expected) =>
        Assert.Equal(expected, SFeedTicks.TryInstrument(new SFeedPacketHeader(54, 7208, exchangeId, 1, 0, 0, 0), token, out _));

    private static SFeedMarketPicturePacket Picture(long lastTradeTime, long lastUpdateTime) => new(
        new SFeedPacketHeader(176, 7208, 2, 4, 0, 0, 0), 56526, 325000, 410000, 12345678, lastTradeTime, lastUpdateTime,
        135.20m, 128.90m, 141.50m, 110.05m, 132.45m, 130, 130.12m, 5, 5, 2.75m, 4567890, 16064250m, 3.55m, 400m, 0.05m, 980m, 5.05m, 65, 2, 1,
        [new SFeedDepthRow(1950, 132.40m, 12)], [new SFeedDepthRow(650, 132.50m, 4)]);
}
