using KotakBlazor.Core.MarketData.Ingestion;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Ingestion;

public sealed class FeedHealthTests
{
    private readonly DateTimeOffset _now = Ist(10, 0);

    [Fact]
    public void A_new_feed_is_connecting()
    {
        var health = new FeedHealth("simulated");

        Assert.Equal(FeedStatus.Connecting, health.GetStatus(_now, isMarketOpen: true));
        Assert.False(health.IsConnected);
        Assert.Null(health.LastTickAt);
        Assert.Equal(TimeSpan.FromSeconds(5), health.StaleAfter);
    }

    [Fact]
    public void A_connected_feed_is_live_until_the_stale_threshold_passes_without_ticks()
    {
        var health = new FeedHealth("kotak-sfeed");
        health.RecordConnection(true, null, _now);
        health.RecordTick(_now.AddSeconds(1));

        Assert.Equal(FeedStatus.Live, health.GetStatus(_now.AddSeconds(6), isMarketOpen: true));
        Assert.Equal(FeedStatus.Stale, health.GetStatus(_now.AddSeconds(6.001), isMarketOpen: true));
        Assert.Equal(_now.AddSeconds(1), health.LastTickAt);
    }

    [Fact]
    public void Just_connected_without_ticks_is_live_until_the_threshold()
    {
        var health = new FeedHealth("kotak-sfeed", TimeSpan.FromSeconds(2));
        health.RecordConnection(true, null, _now);

        Assert.Equal(FeedStatus.Live, health.GetStatus(_now.AddSeconds(2), isMarketOpen: true));
        Assert.Equal(FeedStatus.Stale, health.GetStatus(_now.AddSeconds(3), isMarketOpen: true));
    }

    [Fact]
    public void Silence_while_the_market_is_closed_is_market_closed_not_stale()
    {
        var health = new FeedHealth("kotak-sfeed");
        health.RecordConnection(true, null, _now);

        Assert.Equal(FeedStatus.MarketClosed, health.GetStatus(_now.AddMinutes(1), isMarketOpen: false));
    }

    [Fact]
    public void Losing_the_connection_is_disconnected_with_the_reason_and_regaining_it_counts_a_reconnect()
    {
        var health = new FeedHealth("kotak-sfeed");
        health.RecordConnection(true, null, _now);
        health.RecordConnection(false, "socket closed", _now.AddSeconds(1));

        Assert.Equal(FeedStatus.Disconnected, health.GetStatus(_now.AddSeconds(1), isMarketOpen: true));
        Assert.Equal("socket closed", health.LastError);
        Assert.Equal(0, health.ReconnectCount);

        health.RecordConnection(true, null, _now.AddSeconds(2));

        Assert.Equal(FeedStatus.Live, health.GetStatus(_now.AddSeconds(2), isMarketOpen: true));
        Assert.Equal(1, health.ReconnectCount);
    }

    [Fact]
    public void A_failure_then_restart_counts_one_reconnect()
    {
        var health = new FeedHealth("kotak-sfeed");
        health.RecordConnection(true, null, _now);
        health.RecordFailure("boom");

        Assert.Equal(FeedStatus.Disconnected, health.GetStatus(_now, isMarketOpen: true));

        health.RecordRestart();
        Assert.Equal(FeedStatus.Connecting, health.GetStatus(_now, isMarketOpen: true));
        health.RecordConnection(true, null, _now);

        Assert.Equal(1, health.ReconnectCount);
        Assert.Equal("boom", health.LastError);
    }
}
