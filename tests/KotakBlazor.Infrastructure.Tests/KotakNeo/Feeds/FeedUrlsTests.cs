using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class FeedUrlsTests
{
    [Theory]
    [InlineData("https://mlhsi.kotaksecurities.com/feed", "wss://mlhsi.kotaksecurities.com/feed")]
    [InlineData("http://127.0.0.1:5123/feed", "ws://127.0.0.1:5123/feed")]
    [InlineData("wss://e21.kotaksecurities.com:8443/x?y=1", "wss://e21.kotaksecurities.com:8443/x?y=1")]
    public void Login_urls_become_websocket_urls(string url, string expected) =>
        Assert.Equal(new Uri(expected), FeedUrls.ToWebSocket(new Uri(url)));

    [Theory]
    [InlineData("https://e21.kotaksecurities.com", "wss://e21.kotaksecurities.com/realtime")]
    [InlineData("https://cis.kotaksecurities.com/some/path?q=1", "wss://cis.kotaksecurities.com/realtime")]
    [InlineData("http://127.0.0.1:5123", "ws://127.0.0.1:5123/realtime")]
    public void The_order_feed_lives_at_realtime_on_the_base_url_host(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), FeedUrls.Realtime(new Uri(baseUrl)));

    [Fact]
    public void Other_schemes_are_refused() => Assert.Throws<InvalidOperationException>(() => FeedUrls.ToWebSocket(new Uri("ftp://example.com/")));
}
