using KotakBlazor.Core.Brokers;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// The Kotak login as the live feeds and the scrip-master download see it: one session, kept by the REST
/// adapter's <see cref="KotakSessionKeeper"/>, so the feeds, the order calls and the scrip master never log
/// in on their own (a second login would end the first session at Kotak).
/// </summary>
public sealed class KotakBrokerLogin(KotakSessionKeeper sessions, IKotakCredentialVault vault, ILogger<KotakBrokerLogin> logger)
    : IKotakFeedSession, IKotakScripMasterAccess
{
    /// <summary>What every screen and refusal says while there is no session.</summary>
    public const string NotLoggedIn = "Broker not logged in: enter credentials on the broker settings page.";

    private const string KeeperPrefix = "Not logged in to Kotak Neo. ";

    private string? _rejectedToken;

    /// <summary>"Broker not logged in: ..." followed by why, in the keeper's or Kotak's words.</summary>
    public static string Describe(BrokerError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = error.Message.StartsWith(KeeperPrefix, StringComparison.Ordinal) ? error.Message[KeeperPrefix.Length..] : error.Message;
        return $"{NotLoggedIn} ({detail})";
    }

    /// <summary>The current session, logging in first when there is none (the same session the order calls use).</summary>
    /// <exception cref="KotakNotLoggedInException">There are no credentials, or Kotak refused or could not be reached.</exception>
    public async Task<KotakFeedCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(cancellationToken);
        if (session.IsSuccess && Volatile.Read(ref _rejectedToken) is { } rejected && session.Value!.Token == rejected)
        {
            // A feed server refused this very session: it has probably ended at Kotak. One fresh login for everyone.
            session = await sessions.RenewAsync(session.Value, cancellationToken);
        }

        if (!session.IsSuccess)
        {
            throw new KotakNotLoggedInException(session.Error!);
        }

        var credentials = await vault.LoadAsync(cancellationToken) ?? throw new KotakNotLoggedInException(
            new BrokerError(BrokerErrorKind.Refused, "The Kotak Neo credentials were removed."));
        var current = session.Value!;
        return new KotakFeedCredentials(credentials.Ucc.Trim(), current.Sid, current.Token, current.FeedUrl, current.BaseUrl, current.OrderFeedUrl);
    }

    /// <inheritdoc />
    public void ReportRejected(KotakFeedCredentials credentials, string reason)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Volatile.Write(ref _rejectedToken, credentials.TradeToken);
        logger.LogWarning("A Kotak feed refused the session ({Reason}); the next connection logs in again", reason);
    }

    /// <summary>The access token and the session's host for the scrip-master calls (they need only the access token; the host comes from a login).</summary>
    async Task<KotakScripMasterAccess> IKotakScripMasterAccess.GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await vault.LoadAsync(cancellationToken) ?? throw new KotakNotLoggedInException(
            new BrokerError(BrokerErrorKind.Refused, "The Kotak Neo credentials are not set."));
        var session = await sessions.GetAsync(cancellationToken);
        return new KotakScripMasterAccess(credentials.AccessToken, session.IsSuccess ? session.Value!.BaseUrl : null);
    }
}
