namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Settings of the Kotak Neo adapter (configuration section <c>KotakNeo</c>). Every host is configurable:
/// Kotak has moved them before, and tests point them at a fake server on loopback.
/// </summary>
public sealed class KotakNeoOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KotakNeo";

    /// <summary>Where tradeApiLogin, tradeApiValidate and get-client-ip live.</summary>
    public Uri LoginBaseUrl { get; set; } = new("https://mis.kotaksecurities.com");

    /// <summary>
    /// Overrides the REST host that tradeApiValidate returns as <c>baseUrl</c> (normally left empty: each
    /// account is served by its own data centre).
    /// </summary>
    public Uri? BaseUrlOverride { get; set; }

    /// <summary>Where quotes and scrip-master paths are asked for before a session exists; after login the session's host is used.</summary>
    public Uri QuotesBaseUrl { get; set; } = new("https://cis.kotaksecurities.com");

    /// <summary>Overrides the market-feed URL from the session (<c>feedUrl</c>), for the feed client.</summary>
    public Uri? FeedUrlOverride { get; set; }

    /// <summary>Overrides the order-feed URL from the session (<c>rtUrl</c>, else <c>wss://&lt;baseUrl host&gt;/realtime</c>).</summary>
    public Uri? OrderFeedUrlOverride { get; set; }

    /// <summary>The <c>neo-fin-key</c> header value.</summary>
    public string NeoFinKey { get; set; } = "neotradeapi";

    /// <summary>Sent as <c>os</c> on orders, as SDK v3 does.</summary>
    public string OrderSource { get; set; } = "NEOTRADEAPI";

    /// <summary>How long one REST call may take before it is abandoned (and, for an order, reported as Unknown).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long each login step may take.</summary>
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Order calls (place, modify, cancel) per second; Kotak documents 10.</summary>
    public int OrdersPerSecond { get; set; } = 10;

    /// <summary>Other REST calls per second; Kotak allows about 25 per API.</summary>
    public int RequestsPerSecond { get; set; } = 25;

    /// <summary>How many more times a read is tried after a 5xx, a timeout or a dropped connection.</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>The pause before the first read retry; doubled for each further one.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a stored session is reused. Kotak does not document the token's lifetime; a session
    /// is also never reused across an IST trading day.
    /// </summary>
    public TimeSpan SessionMaxAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// After Kotak refuses a login (wrong TOTP or MPIN), calls do not try again before this has passed or the
    /// credentials change: repeating a wrong MPIN can lock the account.
    /// </summary>
    public TimeSpan LoginCooldownAfterRefusal { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After a place, modify or cancel, read the order book in the background and publish what changed.
    /// A safety net for an order feed that dropped or went silent (the most common complaint about Kotak's sockets).
    /// </summary>
    public bool RefreshOrdersAfterOrderCalls { get; set; } = true;

    /// <summary>Read an order's history when its state moved since the last look, so states skipped between two polls are published in order.</summary>
    public bool ReadHistoryForStateChanges { get; set; } = true;

    /// <summary>Checks the settings; the message says which one is wrong.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(OrdersPerSecond > 0, nameof(OrdersPerSecond), "must be at least 1");
        Require(RequestsPerSecond > 0, nameof(RequestsPerSecond), "must be at least 1");
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
        Require(LoginTimeout > TimeSpan.Zero, nameof(LoginTimeout), "must be positive");
        Require(ReadRetries >= 0, nameof(ReadRetries), "cannot be negative");
        Require(ReadRetryDelay >= TimeSpan.Zero, nameof(ReadRetryDelay), "cannot be negative");
        Require(SessionMaxAge > TimeSpan.Zero, nameof(SessionMaxAge), "must be positive");
        Require(LoginCooldownAfterRefusal >= TimeSpan.Zero, nameof(LoginCooldownAfterRefusal), "cannot be negative");
        Require(!string.IsNullOrWhiteSpace(NeoFinKey), nameof(NeoFinKey), "cannot be empty");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{SectionName}:{name} {rule}.");
        }
    }
}
