namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>A person who signs in to the dashboard.</summary>
public sealed class UserAccount
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>Upper-cased user name: look-ups are case-insensitive and unique.</summary>
    public required string NormalizedUserName { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash format (PasswordHasher v3).</summary>
    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public bool IsDisabled { get; set; }

    public int FailedSignInCount { get; set; }

    public DateTimeOffset? LockedOutUntil { get; set; }

    /// <summary>Changes when the password or role changes, so old cookies stop working.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public List<WatchlistEntry> Watchlist { get; set; } = [];
}
