namespace KotakBlazor.Infrastructure.Security;

/// <summary>The HMAC behind a TOTP code (RFC 6238 allows these three; Kotak uses SHA-1).</summary>
public enum TotpAlgorithm
{
    /// <summary>HMAC-SHA-1, what authenticator apps and Kotak use.</summary>
    Sha1,
    /// <summary>HMAC-SHA-256.</summary>
    Sha256,
    /// <summary>HMAC-SHA-512.</summary>
    Sha512,
}
