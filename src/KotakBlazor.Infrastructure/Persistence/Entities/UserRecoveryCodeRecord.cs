namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>One single-use recovery code of a user's second factor, kept only as a hash.</summary>
public sealed class UserRecoveryCodeRecord
{
    public int Id { get; set; }

    public int UserId { get; set; }

    /// <summary>SHA-256 (hex) of the normalised code: the codes are 80 random bits, too many to guess from the hash.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was used to sign in; a used code never works again.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
