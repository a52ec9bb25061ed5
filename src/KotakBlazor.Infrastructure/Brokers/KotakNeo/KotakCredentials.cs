using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// What logging in to Kotak Neo takes. Secrets all: stored encrypted (<see cref="KotakCredentialStore"/>),
/// shown only through <see cref="Masked"/>, and <see cref="ToString"/> masks them so a log line or an
/// exception message built from this record leaks nothing.
/// </summary>
/// <param name="AccessToken">The access token (consumer key) made in the Neo app under Trade API; sent as <c>Authorization</c>.</param>
/// <param name="MobileNumber">The registered mobile number; a bare 10-digit number gets the +91 prefix at login.</param>
/// <param name="Ucc">The unique client code.</param>
/// <param name="Mpin">The MPIN that completes the login.</param>
/// <param name="TotpSecret">The base32 secret registered for TOTP (what the QR code carries).</param>
public sealed record KotakCredentials(string AccessToken, string MobileNumber, string Ucc, string Mpin, string TotpSecret)
{
    /// <summary>The view for screens: each field masked.</summary>
    public MaskedKotakCredentials Masked => new(
        SecretMask.Mask(AccessToken), SecretMask.Mask(MobileNumber), SecretMask.Mask(Ucc, 2), SecretMask.Mask(Mpin, 0), SecretMask.Mask(TotpSecret, 0));

    /// <summary>The mobile number as tradeApiLogin wants it: <c>+91</c> followed by ten digits.</summary>
    public string MobileNumberForLogin
    {
        get
        {
            var digits = new string(MobileNumber.Where(char.IsAsciiDigit).ToArray());
            return digits.Length switch
            {
                10 => "+91" + digits,
                12 when digits.StartsWith("91", StringComparison.Ordinal) => "+" + digits,
                _ => MobileNumber.Trim(),
            };
        }
    }

    /// <summary>What is wrong with these details, in words for the person entering them; empty when they look usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            problems.Add("The access token is missing (Neo app: Invest > Trade API > your application).");
        }

        var digits = MobileNumber.Count(char.IsAsciiDigit);
        if (digits is not (10 or 12))
        {
            problems.Add("The mobile number should be 10 digits, optionally after +91.");
        }

        if (string.IsNullOrWhiteSpace(Ucc))
        {
            problems.Add("The UCC (unique client code, in the Neo app profile) is missing.");
        }

        if (Mpin.Length is < 4 or > 6 || !Mpin.All(char.IsAsciiDigit))
        {
            problems.Add("The MPIN should be 4 to 6 digits.");
        }

        try
        {
            if (Base32.Decode(TotpSecret).Length == 0)
            {
                problems.Add("The TOTP secret is missing.");
            }
        }
        catch (FormatException e)
        {
            problems.Add("The TOTP secret is not valid: " + e.Message);
        }

        return problems;
    }

    /// <summary>Names the account by its masked UCC; never prints a secret.</summary>
    public override string ToString() => $"Kotak Neo credentials for UCC {SecretMask.Mask(Ucc, 2)}";
}
