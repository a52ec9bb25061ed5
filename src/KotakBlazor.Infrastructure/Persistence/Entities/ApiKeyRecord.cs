namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>An API key for outside clients of the hub. Only its SHA-256 hash is stored.</summary>
public sealed class ApiKeyRecord
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown so people can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Hex SHA-256 of the whole key. Keys are long random strings, so a plain hash is enough.</summary>
    public required string KeyHash { get; set; }

    public required string Role { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
