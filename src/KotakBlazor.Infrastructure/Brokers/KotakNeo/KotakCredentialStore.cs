using System.Security.Cryptography;
using System.Text.Json;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Keeps the Kotak Neo credentials and the last session in SQLite, encrypted with ASP.NET Core Data
/// Protection (keys in the data folder). Each credential field has its own protector purpose, so one
/// field's payload cannot be swapped into another column and still decrypt. Saving new credentials
/// forgets the session made with the old ones.
/// </summary>
public sealed class KotakCredentialStore : IKotakCredentialVault
{
    /// <summary>The broker key of the rows this store owns.</summary>
    public const string BrokerKey = "KotakNeo";

    private const string CredentialPurpose = "KotakBlazor.Brokers.Credentials.v1";
    private const string SessionPurpose = "KotakBlazor.Brokers.Session.v1";

    private readonly IDbContextFactory<KotakDbContext> _contexts;
    private readonly IDataProtectionProvider _protection;
    private readonly AuditLog? _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<KotakCredentialStore> _logger;

    /// <summary>Creates the store.</summary>
    public KotakCredentialStore(IDbContextFactory<KotakDbContext> contexts, IDataProtectionProvider protection, TimeProvider time,
        ILogger<KotakCredentialStore> logger, AuditLog? audit = null)
    {
        _contexts = contexts;
        _protection = protection;
        _time = time;
        _logger = logger;
        _audit = audit;
    }

    /// <summary>Saves (or replaces) the credentials and forgets any stored session.</summary>
    /// <exception cref="ArgumentException">The credentials have problems (<see cref="KotakCredentials.Problems"/>); the message lists them.</exception>
    public async Task SaveAsync(KotakCredentials credentials, string savedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = credentials.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(credentials));
        }

        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.BrokerCredentials.FindAsync([BrokerKey], cancellationToken);
            if (row is null)
            {
                row = new BrokerCredentialRecord { Broker = BrokerKey };
                db.BrokerCredentials.Add(row);
            }

            row.AccessToken = Protect(nameof(row.AccessToken), credentials.AccessToken.Trim());
            row.MobileNumber = Protect(nameof(row.MobileNumber), credentials.MobileNumber.Trim());
            row.Ucc = Protect(nameof(row.Ucc), credentials.Ucc.Trim());
            row.Mpin = Protect(nameof(row.Mpin), credentials.Mpin.Trim());
            row.TotpSecret = Protect(nameof(row.TotpSecret), credentials.TotpSecret.Trim());
            row.SavedAt = _time.GetUtcNow();
            row.SavedBy = savedBy.Length <= 64 ? savedBy : savedBy[..64];
            await db.BrokerSessions.Where(s => s.Broker == BrokerKey).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        _logger.LogInformation("Kotak Neo credentials saved by {User} for UCC {Ucc}", savedBy, SecretMask.Mask(credentials.Ucc, 2));
        await AuditAsync(savedBy, "broker.credentials.saved", $"Kotak Neo, UCC {SecretMask.Mask(credentials.Ucc, 2)}", cancellationToken);
    }

    /// <summary>The stored credentials, or null when none were saved.</summary>
    /// <exception cref="KotakCredentialsUnreadableException">They exist but the keys to decrypt them are gone.</exception>
    public async Task<KotakCredentials?> LoadAsync(CancellationToken cancellationToken)
    {
        var row = await FindCredentialRowAsync(cancellationToken);
        return row is null ? null : Unprotect(row);
    }

    /// <summary>The stored credentials masked for a screen, or null when none were saved.</summary>
    /// <exception cref="KotakCredentialsUnreadableException">They exist but the keys to decrypt them are gone.</exception>
    public async Task<MaskedKotakCredentials?> LoadMaskedAsync(CancellationToken cancellationToken)
    {
        var row = await FindCredentialRowAsync(cancellationToken);
        return row is null ? null : Unprotect(row).Masked with { SavedAt = row.SavedAt, SavedBy = row.SavedBy };
    }

    /// <summary>Whether credentials are stored (without decrypting them).</summary>
    public async Task<bool> HasCredentialsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.BrokerCredentials.AnyAsync(c => c.Broker == BrokerKey, cancellationToken);
    }

    /// <summary>Forgets the credentials and the session.</summary>
    public async Task ClearAsync(string clearedBy, CancellationToken cancellationToken)
    {
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.BrokerSessions.Where(s => s.Broker == BrokerKey).ExecuteDeleteAsync(cancellationToken);
            await db.BrokerCredentials.Where(c => c.Broker == BrokerKey).ExecuteDeleteAsync(cancellationToken);
        }

        _logger.LogInformation("Kotak Neo credentials cleared by {User}", clearedBy);
        await AuditAsync(clearedBy, "broker.credentials.cleared", "Kotak Neo", cancellationToken);
    }

    /// <summary>Stores the session (replacing the previous one).</summary>
    public async Task SaveSessionAsync(KotakSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var payload = JsonSerializer.Serialize(new StoredSession(session.Token, session.Sid, session.BaseUrl.AbsoluteUri, session.FeedUrl?.AbsoluteUri,
            session.OrderFeedUrl?.AbsoluteUri, session.DataCenter, session.ServerId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.BrokerSessions.FindAsync([BrokerKey], cancellationToken);
        if (row is null)
        {
            row = new BrokerSessionRecord { Broker = BrokerKey };
            db.BrokerSessions.Add(row);
        }

        row.Payload = _protection.CreateProtector(SessionPurpose, BrokerKey).Protect(payload);
        row.CreatedAt = session.CreatedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The stored session, or null when there is none or it cannot be decrypted any more (a new login replaces it).</summary>
    public async Task<KotakSession?> LoadSessionAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.BrokerSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Broker == BrokerKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredSession>(_protection.CreateProtector(SessionPurpose, BrokerKey).Unprotect(row.Payload))
                ?? throw new JsonException("The stored session is empty.");
            return new KotakSession(stored.Token, stored.Sid, new Uri(stored.BaseUrl), ToUri(stored.FeedUrl), ToUri(stored.OrderFeedUrl),
                stored.DataCenter, stored.ServerId, row.CreatedAt);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or UriFormatException)
        {
            _logger.LogWarning("The stored Kotak Neo session cannot be read ({Reason}); a fresh login will replace it", e.GetType().Name);
            return null;
        }
    }

    /// <summary>Forgets the session (the next call logs in again).</summary>
    public async Task ClearSessionAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.BrokerSessions.Where(s => s.Broker == BrokerKey).ExecuteDeleteAsync(cancellationToken);
    }

    private static Uri? ToUri(string? text) => string.IsNullOrEmpty(text) ? null : new Uri(text);

    private async Task<BrokerCredentialRecord?> FindCredentialRowAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.BrokerCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.Broker == BrokerKey, cancellationToken);
    }

    private string Protect(string field, string value) => _protection.CreateProtector(CredentialPurpose, BrokerKey, field).Protect(value);

    private KotakCredentials Unprotect(BrokerCredentialRecord row)
    {
        try
        {
            return new KotakCredentials(
                Unprotect(nameof(row.AccessToken), row.AccessToken),
                Unprotect(nameof(row.MobileNumber), row.MobileNumber),
                Unprotect(nameof(row.Ucc), row.Ucc),
                Unprotect(nameof(row.Mpin), row.Mpin),
                Unprotect(nameof(row.TotpSecret), row.TotpSecret));
        }
        catch (CryptographicException e)
        {
            _logger.LogError("The stored Kotak Neo credentials cannot be decrypted: the data-protection keys changed or were lost");
            throw new KotakCredentialsUnreadableException(new KotakCredentialsUnreadableException().Message, e);
        }
    }

    private string Unprotect(string field, string payload) => _protection.CreateProtector(CredentialPurpose, BrokerKey, field).Unprotect(payload);

    private Task AuditAsync(string actor, string action, string details, CancellationToken cancellationToken) =>
        _audit?.WriteAsync(actor, action, details, null, cancellationToken) ?? Task.CompletedTask;

    private sealed record StoredSession(string Token, string Sid, string BaseUrl, string? FeedUrl, string? OrderFeedUrl, string? DataCenter, string? ServerId);
}
