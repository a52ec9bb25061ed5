namespace KotakBlazor.Web.Auth;

/// <summary>Sign-in policy. Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// When true, an admin without an authenticator can do nothing but set one up (and sign out):
    /// every other page, the hub and the circuit refuse them until they have.
    /// </summary>
    public bool RequireTwoFactorForAdmins { get; set; }
}
