namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Where a live feed's connection is.</summary>
public enum KotakFeedState
{
    /// <summary>Not started yet, or getting a session and opening the socket.</summary>
    Connecting,
    /// <summary>Logged in on the socket and receiving.</summary>
    Connected,
    /// <summary>Lost or never opened; waiting to try again.</summary>
    Disconnected,
    /// <summary>The server refused the credentials; waiting longer before logging in again.</summary>
    Rejected,
    /// <summary>Stopped on request.</summary>
    Stopped,
}
