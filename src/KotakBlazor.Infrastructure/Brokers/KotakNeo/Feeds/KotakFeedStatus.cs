namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>A live feed's connection as the broker health panel shows it.</summary>
/// <param name="Feed">Which feed.</param>
/// <param name="State">Where the connection is.</param>
/// <param name="ConnectedSince">When the current connection logged in; null when not connected.</param>
/// <param name="LastMessageAt">When the last message of any kind arrived; null before the first.</param>
/// <param name="ReconnectCount">How many times the feed connected again after losing a connection.</param>
/// <param name="LastError">Why the last connection ended or failed, for people; null when none did.</param>
/// <param name="NextAttemptAt">When the next connection attempt is due while disconnected; null otherwise.</param>
public sealed record KotakFeedStatus(
    string Feed,
    KotakFeedState State,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? LastMessageAt,
    int ReconnectCount,
    string? LastError,
    DateTimeOffset? NextAttemptAt);
