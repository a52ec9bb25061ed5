namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>
/// A broker account's login details, one row per broker. Every secret column holds a Data Protection
/// payload (its own purpose per field), never the value itself: a copied database file gives nothing away.
/// </summary>
public sealed class BrokerCredentialRecord
{
    /// <summary>Which broker (<c>KotakNeo</c>).</summary>
    public string Broker { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string MobileNumber { get; set; } = "";

    public string Ucc { get; set; } = "";

    public string Mpin { get; set; } = "";

    public string TotpSecret { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public string SavedBy { get; set; } = "";
}
