namespace KotakBlazor.Web.Broker;

/// <summary>One live feed on the health panel.</summary>
/// <param name="Name">Its name (kotak-sfeed, kotak-orders, simulated).</param>
/// <param name="Purpose">What it carries, for people ("market feed", "order feed").</param>
/// <param name="State">Where its connection is (Connected, Connecting, Disconnected, Rejected, Stopped; Live/Stale/... for the simulator).</param>
/// <param name="Connected">Whether it is connected now.</param>
/// <param name="LastTickAge">Since the last tick reached the app (market feeds); null before the first.</param>
/// <param name="LastMessageAge">Since the last message of any kind on the socket; null when unknown.</param>
/// <param name="Reconnects">How many times it connected again after losing a connection.</param>
/// <param name="LastError">Why the last connection ended or failed.</param>
/// <param name="NextAttemptIn">When disconnected: how long until it tries again.</param>
public sealed record BrokerFeedHealth(
    string Name,
    string Purpose,
    string State,
    bool Connected,
    TimeSpan? LastTickAge,
    TimeSpan? LastMessageAge,
    int Reconnects,
    string? LastError,
    TimeSpan? NextAttemptIn);
