namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// The Kotak login as the live feeds see it. The REST adapter's session implements it: it logs
/// in when needed and hands out the current session's details.
/// </summary>
public interface IKotakFeedSession
{
    /// <summary>The current session, logging in first when there is none. Throws when login fails.</summary>
    Task<KotakFeedCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A feed server refused these credentials (SFeed 1120, HSI <c>ak:nk</c>): the session is
    /// probably expired, and the next <see cref="GetAsync"/> should log in again.
    /// </summary>
    void ReportRejected(KotakFeedCredentials credentials, string reason);
}
