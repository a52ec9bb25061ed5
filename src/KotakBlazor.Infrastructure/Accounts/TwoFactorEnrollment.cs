namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>
/// What a person needs to add the account to an authenticator app: the secret (base32, for typing)
/// and the <c>otpauth://</c> URI the QR code carries. Shown to its owner only, never logged.
/// </summary>
public sealed record TwoFactorEnrollment(string Secret, string OtpAuthUri)
{
    /// <summary>The secret in groups of four, as people copy it; authenticator apps ignore the spaces.</summary>
    public string GroupedSecret => string.Join(' ', Secret.Chunk(4).Select(c => new string(c)));

    /// <summary>Never the secret.</summary>
    public override string ToString() => "TwoFactorEnrollment { Secret = (hidden) }";
}
