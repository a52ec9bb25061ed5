namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Settings of the HSI order feed. Configuration section <c>Kotak:OrderFeed</c>.</summary>
public sealed class KotakOrderFeedOptions : KotakFeedOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Kotak:OrderFeed";

    /// <summary>Replaces the order feed's address. Empty: login's <c>rtUrl</c>, else <c>wss://&lt;baseUrl host&gt;/realtime</c>.</summary>
    public string? RealtimeUrl { get; set; }

    /// <summary>The handshake's <c>src</c>.</summary>
    public string Source { get; set; } = "WEB";

    /// <summary>How often <c>{type:hb}</c> is sent (Kotak's HSI client sends one every 30 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Off by default: HSI sends nothing while no order changes, so silence proves nothing
    /// there; WebSocket pings (<see cref="KotakFeedOptions.KeepAliveTimeout"/>) find a dead socket.
    /// Set it only against a server that answers heartbeats.
    /// </summary>
    public override TimeSpan? SilenceAlarmAfter { get; set; }
}
