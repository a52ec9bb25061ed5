namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Turns the URLs login hands out into websocket URLs.</summary>
internal static class FeedUrls
{
    /// <summary>https becomes wss and http ws; ws and wss stay.</summary>
    public static Uri ToWebSocket(Uri url)
    {
        var scheme = url.Scheme.ToLowerInvariant() switch
        {
            "https" or "wss" => "wss",
            "http" or "ws" => "ws",
            _ => throw new InvalidOperationException($"'{url}' is not an http(s) or ws(s) URL."),
        };
        return new UriBuilder(url) { Scheme = scheme, Port = url.IsDefaultPort ? -1 : url.Port }.Uri;
    }

    /// <summary>HSI's address: <c>wss://&lt;host of baseUrl&gt;/realtime</c>.</summary>
    public static Uri Realtime(Uri baseUrl) => new UriBuilder(ToWebSocket(baseUrl)) { Path = "/realtime", Query = string.Empty }.Uri;
}
