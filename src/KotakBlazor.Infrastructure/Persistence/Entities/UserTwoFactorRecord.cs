namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>A user's authenticator (TOTP) second factor: one row per user, pending until confirmed with a code.</summary>
public sealed class UserTwoFactorRecord
{
    /// <summary>The user (users.Id); also the key: one authenticator per user.</summary>
    public int UserId { get; set; }

    /// <summary>The base32 TOTP secret as a Data Protection payload (purpose bound to the user): never stored or logged in clear.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>When enrollment started (the secret was shown).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the user confirmed a code from the app; null while enrollment is pending and sign-in does not ask for a code.</summary>
    public DateTimeOffset? EnabledAt { get; set; }

    /// <summary>The TOTP time step of the last accepted code: a code from this step or earlier is refused, so an overheard code cannot be replayed.</summary>
    public long LastUsedStep { get; set; }
}
