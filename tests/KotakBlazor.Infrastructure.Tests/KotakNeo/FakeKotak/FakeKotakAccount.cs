using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>The one account the fake server knows, and the credentials that log in to it.</summary>
internal sealed record FakeKotakAccount(string AccessToken, string MobileNumber, string Ucc, string Mpin, string TotpSecret)
{
    /// <summary>Distinctive values, so a test can search logs and database bytes for them.</summary>
    public static FakeKotakAccount Default { get; } = new(
        "acc-tok-5f3c9e1d7a2b4c6e", "+919876501234", "ZX9QK7", "482913", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    public KotakCredentials Credentials => new(AccessToken, MobileNumber, Ucc, Mpin, TotpSecret);
}
