namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Where a user's second factor stands.</summary>
/// <param name="Enabled">Sign-in asks for a code.</param>
/// <param name="Pending">A secret was shown but not yet confirmed with a code.</param>
/// <param name="EnabledAt">When it was confirmed.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
public sealed record TwoFactorStatus(bool Enabled, bool Pending, DateTimeOffset? EnabledAt, int RecoveryCodesLeft)
{
    /// <summary>No second factor at all.</summary>
    public static TwoFactorStatus None { get; } = new(false, false, null, 0);
}
