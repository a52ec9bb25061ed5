using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>
/// A logged-in Kotak session pointing at a fake server. A refusal can be answered with a fresh
/// login (<see cref="SidAfterRelogin"/>), as the REST adapter's session will do.
/// </summary>
internal sealed class FakeFeedSession(FakeFeedServer server) : IKotakFeedSession
{
    public string Ucc { get; set; } = "AB123";

    public string Sid { get; set; } = "fake-sid";

    public string TradeToken { get; set; } = "fake-trade-token";

    /// <summary>The sid a fresh login gets after a refusal; null: the same one again.</summary>
    public string? SidAfterRelogin { get; set; }

    /// <summary>Login fails with this message while set.</summary>
    public string? LoginFailure { get; set; }

    public Uri? RealtimeUrl { get; set; }

    public Uri BaseUrl { get; set; } = server.BaseUrl;

    public EventLog<string> Rejections { get; } = new();

    public Task<KotakFeedCredentials> GetAsync(CancellationToken cancellationToken) =>
        LoginFailure is { } failure
            ? Task.FromException<KotakFeedCredentials>(new InvalidOperationException(failure))
            : Task.FromResult(new KotakFeedCredentials(Ucc, Sid, TradeToken, server.FeedUrl, BaseUrl, RealtimeUrl));

    public void ReportRejected(KotakFeedCredentials credentials, string reason)
    {
        if (SidAfterRelogin is { } fresh)
        {
            Sid = fresh;
        }

        Rejections.Add(reason);
    }
}
