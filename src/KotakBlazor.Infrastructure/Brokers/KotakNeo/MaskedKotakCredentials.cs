namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Kotak Neo login details as a screen may show them: never in full.</summary>
/// <param name="AccessToken">The access token's last characters behind a mask.</param>
/// <param name="MobileNumber">The mobile number's last characters behind a mask.</param>
/// <param name="Ucc">The UCC's last characters behind a mask.</param>
/// <param name="Mpin">A mask only.</param>
/// <param name="TotpSecret">A mask only.</param>
/// <param name="SavedAt">When they were saved, when known.</param>
/// <param name="SavedBy">Who saved them, when known.</param>
public sealed record MaskedKotakCredentials(
    string AccessToken, string MobileNumber, string Ucc, string Mpin, string TotpSecret, DateTimeOffset? SavedAt = null, string? SavedBy = null);
