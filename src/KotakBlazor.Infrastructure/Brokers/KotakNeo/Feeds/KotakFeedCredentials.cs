namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>What the live feeds need from a Kotak login (tradeApiValidate's answer).</summary>
/// <param name="Ucc">The client code: SFeed's <c>user</c>.</param>
/// <param name="Sid">The trade session id: SFeed's <c>auth</c> and HSI's <c>Sid</c>.</param>
/// <param name="TradeToken">The trade token: HSI's <c>Authorization</c>.</param>
/// <param name="FeedUrl">SFeed's <c>feedUrl</c> (https, turned into wss); null when login gave none.</param>
/// <param name="BaseUrl">The session's <c>baseUrl</c>; HSI lives at <c>wss://&lt;its host&gt;/realtime</c>.</param>
/// <param name="RealtimeUrl">Login's <c>rtUrl</c>, preferred over <paramref name="BaseUrl"/> for HSI when present.</param>
public sealed record KotakFeedCredentials(
    string Ucc,
    string Sid,
    string TradeToken,
    Uri? FeedUrl,
    Uri? BaseUrl,
    Uri? RealtimeUrl = null)
{
    /// <summary>Keeps the sid and token out of logs and exception messages.</summary>
    public override string ToString() => $"KotakFeedCredentials {{ Ucc = {Ucc}, FeedUrl = {FeedUrl}, BaseUrl = {BaseUrl}, RealtimeUrl = {RealtimeUrl} }}";
}
