namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>The broker session last created (tokens and hosts), protected as one payload, so a restart reuses it instead of logging in again.</summary>
public sealed class BrokerSessionRecord
{
    /// <summary>Which broker (<c>KotakNeo</c>).</summary>
    public string Broker { get; set; } = "";

    /// <summary>The session as protected JSON.</summary>
    public string Payload { get; set; } = "";

    /// <summary>When the broker created it (kept in clear: the age of a session is no secret, and it decides reuse without decrypting).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
