namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Credentials for the scrip-master calls.</summary>
/// <param name="AccessToken">The access token (consumer key), sent as <c>Authorization</c> without "Bearer". Never logged.</param>
/// <param name="BaseUrl">The session's <c>baseUrl</c>; null when not logged in (then <see cref="KotakScripMasterOptions.BaseUrl"/> must be set).</param>
public sealed record KotakScripMasterAccess(string AccessToken, Uri? BaseUrl)
{
    /// <summary>Keeps the token out of logs and exception messages.</summary>
    public override string ToString() => $"KotakScripMasterAccess {{ BaseUrl = {BaseUrl} }}";
}
