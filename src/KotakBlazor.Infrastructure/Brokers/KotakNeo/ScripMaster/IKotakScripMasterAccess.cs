namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>
/// What the scrip-master download needs from the Kotak login: the access token (the
/// scrip-master calls take only <c>Authorization: &lt;access token&gt;</c>) and the session's
/// base URL. The REST adapter's login session implements it.
/// </summary>
public interface IKotakScripMasterAccess
{
    /// <summary>The access token and base URL to use now.</summary>
    Task<KotakScripMasterAccess> GetAsync(CancellationToken cancellationToken);
}
