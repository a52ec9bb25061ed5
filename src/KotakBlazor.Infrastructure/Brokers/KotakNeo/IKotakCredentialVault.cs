namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Where the Kotak Neo adapter finds the credentials and keeps its session (<see cref="KotakCredentialStore"/> in the app).</summary>
public interface IKotakCredentialVault
{
    /// <summary>The credentials, or null when none are stored.</summary>
    /// <exception cref="KotakCredentialsUnreadableException">They are stored but cannot be decrypted.</exception>
    Task<KotakCredentials?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The last session, or null.</summary>
    Task<KotakSession?> LoadSessionAsync(CancellationToken cancellationToken);

    /// <summary>Keeps the session for reuse after a restart.</summary>
    Task SaveSessionAsync(KotakSession session, CancellationToken cancellationToken);

    /// <summary>Forgets the session.</summary>
    Task ClearSessionAsync(CancellationToken cancellationToken);
}
