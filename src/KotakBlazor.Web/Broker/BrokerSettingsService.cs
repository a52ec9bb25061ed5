using KotakBlazor.Core.Brokers;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// The broker settings: the Kotak Neo credentials (saved encrypted, shown back only masked) and "log in now".
/// Admin only, checked here on the server whatever a page shows; every action and every refusal is audited,
/// without a secret in the audit or the logs. Works in every broker mode, so credentials can be entered and
/// tried before switching <c>Broker:Mode</c>.
/// </summary>
public sealed partial class BrokerSettingsService(
    KotakCredentialStore store,
    KotakSessionKeeper sessions,
    AuditLog audit,
    ILogger<BrokerSettingsService> logger)
{
    public static bool MayChange(ActingUser user) => user?.Role == UserRoles.Admin;

    /// <summary>The stored credentials, masked; null when none are saved.</summary>
    public async Task<BrokerCredentialsView> LoadAsync(ActingUser user, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, "see the broker credentials", cancellationToken) is { } refused)
        {
            return new BrokerCredentialsView(null, refused.Message);
        }

        try
        {
            return new BrokerCredentialsView(await store.LoadMaskedAsync(cancellationToken), null);
        }
        catch (KotakCredentialsUnreadableException e)
        {
            return new BrokerCredentialsView(null, e.Message);
        }
    }

    /// <summary>Saves new credentials (replacing the old ones and ending the session made with them).</summary>
    public async Task<TradingResult> SaveAsync(ActingUser user, KotakCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (await RefuseAsync(user, "change the broker credentials", cancellationToken) is { } refused)
        {
            return refused;
        }

        var problems = credentials.Problems();
        if (problems.Count > 0)
        {
            return TradingResult.Refused(string.Join(" ", problems));
        }

        // The store audits the save (who, masked UCC); the keeper forgets the old session so nothing keeps using it.
        await store.SaveAsync(credentials, user.UserName, cancellationToken);
        await sessions.ForgetAsync(cancellationToken);
        return TradingResult.Done("Saved (encrypted). Log in to start a session with them.");
    }

    /// <summary>Forgets the credentials and the session.</summary>
    public async Task<TradingResult> ClearAsync(ActingUser user, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, "remove the broker credentials", cancellationToken) is { } refused)
        {
            return refused;
        }

        await store.ClearAsync(user.UserName, cancellationToken);
        await sessions.ForgetAsync(cancellationToken);
        return TradingResult.Done("Credentials and session removed. Orders are refused until new ones are saved and logged in.");
    }

    /// <summary>Logs in now with the saved credentials; a refusal comes back in the broker's own words, with help for the static-IP errors.</summary>
    public async Task<BrokerLoginAttempt> LogInAsync(ActingUser user, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, "log in to the broker", cancellationToken) is { } refused)
        {
            return new BrokerLoginAttempt(false, refused.Message, null, null);
        }

        var result = await sessions.LoginAsync(cancellationToken);
        if (result.IsSuccess)
        {
            var session = result.Value!;
            await audit.WriteAsync(user.UserName, "broker.login", $"Kotak Neo logged in ({session.BaseUrl.Host}, {session.DataCenter ?? "data centre unknown"})", null, cancellationToken);
            return new BrokerLoginAttempt(true, $"Logged in to Kotak Neo on {session.BaseUrl.Host} ({session.DataCenter ?? "data centre unknown"}).", null, session.CreatedAt);
        }

        var error = result.Error!;
        LogLoginRefused(logger, user.UserName, error.Message);
        await audit.WriteAsync(user.UserName, "broker.login-failed", $"Kotak Neo: {error.Message}", null, cancellationToken);
        return new BrokerLoginAttempt(false, error.Message, HelpFor(error), null);
    }

    /// <summary>Plain-language help for an error, unless the message carries it already.</summary>
    public static string? HelpFor(BrokerError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var help = KotakErrorCodes.Help(error.Code);
        return help is null || error.Message.Contains(help, StringComparison.Ordinal) ? null : help;
    }

    private async Task<TradingResult?> RefuseAsync(ActingUser user, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (MayChange(user))
        {
            return null;
        }

        await audit.WriteAsync(user.UserName, "broker.settings.refused", $"Role '{user.Role}' may not {what}", null, cancellationToken);
        return TradingResult.Refused($"Only an admin may {what}.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kotak Neo login by {User} refused: {Error}")]
    private static partial void LogLoginRefused(ILogger logger, string user, string error);
}
