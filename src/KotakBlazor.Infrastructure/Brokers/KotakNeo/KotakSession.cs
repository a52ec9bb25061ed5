using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// A trade session from tradeApiValidate: the token and sid every later call carries, and the hosts the
/// account is served from. <see cref="ToString"/> masks the token and sid.
/// </summary>
/// <param name="Token">The trade token (sent as <c>Auth</c>).</param>
/// <param name="Sid">The session id (sent as <c>Sid</c>).</param>
/// <param name="BaseUrl">The REST host every later call goes to.</param>
/// <param name="FeedUrl">The market feed (SFeed) URL, when the broker gave one.</param>
/// <param name="OrderFeedUrl">The order feed URL (<c>rtUrl</c>), when the broker gave one.</param>
/// <param name="DataCenter">The data centre serving the account (E43, GDC...), for people.</param>
/// <param name="ServerId">The <c>hsServerId</c>, usually empty.</param>
/// <param name="CreatedAt">When the login finished.</param>
public sealed record KotakSession(
    string Token,
    string Sid,
    Uri BaseUrl,
    Uri? FeedUrl,
    Uri? OrderFeedUrl,
    string? DataCenter,
    string? ServerId,
    DateTimeOffset CreatedAt)
{
    /// <summary>The order feed URL: <c>rtUrl</c> when given, else <c>wss://&lt;baseUrl host&gt;/realtime</c> as the SDK builds it.</summary>
    public Uri EffectiveOrderFeedUrl => OrderFeedUrl ?? new UriBuilder(BaseUrl) { Scheme = BaseUrl.Scheme == "http" ? "ws" : "wss", Path = "/realtime" }.Uri;

    /// <summary>
    /// Whether the session may still be used at <paramref name="now"/>: younger than <paramref name="maxAge"/>
    /// and made on the same IST day (Kotak's tokens do not outlive the trading day).
    /// </summary>
    public bool IsUsableAt(DateTimeOffset now, TimeSpan maxAge) =>
        now - CreatedAt < maxAge && now >= CreatedAt && IndianMarketTime.IstDate(now) == IndianMarketTime.IstDate(CreatedAt);

    /// <summary>How old the session is at <paramref name="now"/>.</summary>
    public TimeSpan AgeAt(DateTimeOffset now) => now - CreatedAt;

    /// <summary>The hosts and age, with the token and sid masked.</summary>
    public override string ToString() =>
        $"Kotak Neo session sid {SecretMask.Mask(Sid)} on {BaseUrl.Host} ({DataCenter ?? "data centre unknown"}), created {CreatedAt:O}";
}
