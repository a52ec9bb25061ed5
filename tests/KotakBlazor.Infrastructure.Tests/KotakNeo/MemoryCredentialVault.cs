using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>Credentials and session in memory, for tests about the REST side (the SQLite store has its own tests).</summary>
internal sealed class MemoryCredentialVault(KotakCredentials? credentials) : IKotakCredentialVault
{
    public KotakCredentials? Credentials { get; set; } = credentials;

    public KotakSession? Session { get; set; }

    public int SessionSaves { get; private set; }

    public Task<KotakCredentials?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Credentials);

    public Task<KotakSession?> LoadSessionAsync(CancellationToken cancellationToken) => Task.FromResult(Session);

    public Task SaveSessionAsync(KotakSession session, CancellationToken cancellationToken)
    {
        Session = session;
        SessionSaves++;
        return Task.CompletedTask;
    }

    public Task ClearSessionAsync(CancellationToken cancellationToken)
    {
        Session = null;
        return Task.CompletedTask;
    }
}
