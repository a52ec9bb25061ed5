using System.ComponentModel.DataAnnotations;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Web.Components.Broker;

/// <summary>What the admin types on the broker settings page. Lives only as long as the form; cleared after a save.</summary>
public sealed class KotakCredentialsFormModel
{
    [Required(ErrorMessage = "Enter the access token.")]
    public string AccessToken { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the mobile number.")]
    public string MobileNumber { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the UCC.")]
    public string Ucc { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the MPIN.")]
    public string Mpin { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the TOTP secret.")]
    public string TotpSecret { get; set; } = string.Empty;

    public KotakCredentials ToCredentials() => new(AccessToken.Trim(), MobileNumber.Trim(), Ucc.Trim(), Mpin.Trim(), TotpSecret.Replace(" ", string.Empty, StringComparison.Ordinal).Trim());

    public void Clear() => AccessToken = MobileNumber = Ucc = Mpin = TotpSecret = string.Empty;
}
