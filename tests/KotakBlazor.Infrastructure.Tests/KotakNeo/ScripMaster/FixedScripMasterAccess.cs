using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

/// <summary>A logged-in session as the scrip master sees it.</summary>
internal sealed class FixedScripMasterAccess(string accessToken, Uri baseUrl) : IKotakScripMasterAccess
{
    public Task<KotakScripMasterAccess> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new KotakScripMasterAccess(accessToken, baseUrl));
}
