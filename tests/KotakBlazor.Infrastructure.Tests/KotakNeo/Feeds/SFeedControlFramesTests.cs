using System.Text;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class SFeedControlFramesTests
{
    private static readonly InstrumentId Put = new(ExchangeSegment.NseFo, 44498);
    private static readonly InstrumentId Call = new(ExchangeSegment.NseFo, 44500);

    [Fact]
    public void The_auth_frame_carries_the_ucc_as_user_and_the_sid_as_auth()
    {
        var credentials = new KotakFeedCredentials("AB123", "sid-7f3a", "trade-token", null, null);

        Assert.Equal(
            """{"user":"AB123","auth":"sid-7f3a","format":"native_batch","source":"NEOTRADEAPI"}""",
            SFeedControlFrames.Authenticate(credentials, "NEOTRADEAPI"));
    }

    [Fact]
    public void Subscribe_frames_name_the_channel_list_segment_bar_token_and_ask_for_an_ack()
    {
        Assert.Equal(
            """{"event":"subscribeScrips","inputtoken":"nse_fo|44498,nse_fo|44500","ack_symbol":true}""",
            SFeedControlFrames.Subscribe(SFeedChannel.Scrips, [Put, Call]));
        Assert.Equal(
            """{"event":"subscribeIndices","inputtoken":"nse_cm|26000","ack_symbol":true}""",
            SFeedControlFrames.Subscribe(SFeedChannel.Indices, [new InstrumentId(ExchangeSegment.NseCm, 26000)]));
        Assert.Equal(
            """{"event":"subscribeDepth","inputtoken":"bse_fo|1130001","ack_symbol":true}""",
            SFeedControlFrames.Subscribe(SFeedChannel.Depth, [new InstrumentId(ExchangeSegment.BseFo, 1130001)]));
    }

    [Fact]
    public void Unsubscribe_frames_carry_no_ack_symbol()
    {
        Assert.Equal("""{"event":"unsubscribeScrips","inputtoken":"nse_fo|44498"}""", SFeedControlFrames.Unsubscribe(SFeedChannel.Scrips, [Put]));
        Assert.Equal("""{"event":"unsubscribeIndices","inputtoken":"nse_cm|26000"}""", SFeedControlFrames.Unsubscribe(SFeedChannel.Indices, [new InstrumentId(ExchangeSegment.NseCm, 26000)]));
        Assert.Equal("""{"event":"unsubscribeDepth","inputtoken":"nse_fo|44500"}""", SFeedControlFrames.Unsubscribe(SFeedChannel.Depth, [Call]));
    }

    [Fact]
    public void The_auth_reply_gives_dividers_by_exchange_name_or_explicit_id()
    {
        var reply = Parse("""
            {"message_code":1117,"id":"x","format":"native_batch",
             "exchanges":{"nse_cm":{"divider":100},"cde_fo":{"divider":"10000000"},"odd_name":{"divider":1000,"value":9},"nameless":{"divider":7}}}
            """);

        Assert.NotNull(reply);
        Assert.True(reply.IsAuthReply);
        Assert.Equal("native_batch", reply.Format);
        Assert.Equal((100m, 10_000_000m, 1000m, 100m), (reply.Dividers!.For(1), reply.Dividers.For(3), reply.Dividers.For(9), reply.Dividers.For(2)));
    }

    [Fact]
    public void Initial_connect_1119_counts_as_the_auth_reply_and_1120_carries_its_message()
    {
        Assert.True(Parse("""{"message_code":1119,"exchanges":{}}""")!.IsAuthReply);
        var failed = Parse("""{"message_code":"1120","message":"Auth failed: invalid sid"}""");

        Assert.Equal((SFeedControlMessage.AuthFailed, "Auth failed: invalid sid", false), (failed!.Code, failed.Message, failed.IsAuthReply));
    }

    [Fact]
    public void Both_documented_ack_shapes_read_as_1109()
    {
        var guide = Parse("""{"message_code":1109,"error_code":0,"description":"SUBSCRIBED","data":{"nse_cm|1333":{"cas_status":1,"trading_symbols":"HDFCBANK-EQ"}}}""");
        var sdk = Parse("""{"message_code":1109,"message":"Subscribed","trading_symbols":{"nse_cm|1333":"HDFCBANK-EQ"}}""");

        Assert.Equal((1109, "SUBSCRIBED"), (guide!.Code, guide.Message));
        Assert.Equal((1109, "Subscribed"), (sdk!.Code, sdk.Message));
    }

    [Fact]
    public void Frames_without_a_message_code_or_not_json_are_not_control_messages()
    {
        Assert.Null(Parse("not json"));
        Assert.Null(Parse("""{"event":"x"}"""));
        Assert.Null(Parse("[1,2]"));
        Assert.Null(Parse("""{"message_code":true}"""));
    }

    [Fact]
    public void A_zero_divider_is_ignored_in_favour_of_the_default()
    {
        var dividers = SFeedDividers.From([("nse_fo", 0m, null)]);

        Assert.Equal(SFeedDividers.Default, dividers.For(2));
    }

    private static SFeedControlMessage? Parse(string json) => SFeedControlMessage.TryParse(Encoding.UTF8.GetBytes(json));
}
