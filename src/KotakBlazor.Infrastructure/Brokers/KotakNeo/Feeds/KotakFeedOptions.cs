namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Connection settings both live feeds share: reconnection, timeouts, keep-alive and the silence alarm.</summary>
public abstract class KotakFeedOptions
{
    /// <summary>The first wait after a lost connection; doubled after each failed attempt.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Up to this fraction of each wait is taken off at random (0 to 1), so many clients do not
    /// reconnect in step after an outage. 0: exact waits.
    /// </summary>
    public double ReconnectJitter { get; set; }

    /// <summary>
    /// The first wait after the server refused the credentials or login failed; doubled each
    /// time. Longer than <see cref="ReconnectDelay"/>: a login is not retried in a tight loop.
    /// </summary>
    public TimeSpan RejectedRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait after repeated refusals.</summary>
    public TimeSpan MaxRejectedRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long opening the socket may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may take to answer the login frame.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket ping interval (Kotak's SDK pings every 20 s; there is no application heartbeat on SFeed).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for the pong before the socket counts as dead. Zero: ping without waiting for pongs.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A connected socket silent this long while the market is open raises an alarm and is
    /// reconnected. Null: no silence alarm.
    /// </summary>
    public abstract TimeSpan? SilenceAlarmAfter { get; set; }
}
