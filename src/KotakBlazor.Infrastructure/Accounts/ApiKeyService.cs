using System.Security.Cryptography;
using System.Text;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>API keys for outside hub clients. The key is shown once at creation; only its hash is kept.</summary>
public sealed class ApiKeyService(IDbContextFactory<KotakDbContext> contextFactory, AuditLog audit, TimeProvider time)
{
    private const string KeyPrefix = "kb_";

    /// <summary>Creates a key and returns it with its plain text, which cannot be recovered later.</summary>
    public async Task<(ApiKeyRecord Record, string PlainTextKey)> CreateAsync(string name, string role, string createdBy, CancellationToken cancellationToken)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length is < 1 or > 64)
        {
            throw new ArgumentException("A key needs a name of 1 to 64 characters.", nameof(name));
        }

        if (!UserRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var plain = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiKeyRecord
        {
            Name = name,
            Prefix = plain[..10],
            KeyHash = Hash(plain),
            Role = role,
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ApiKeys.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.WriteAsync(createdBy, "api-key.created", $"Created API key '{name}' ({record.Prefix}...) with role {role}.", null, cancellationToken);
        return (record, plain);
    }

    /// <summary>The key's record when the key is known and not revoked.</summary>
    public async Task<ApiKeyRecord?> ValidateAsync(string plainTextKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(plainTextKey) || !plainTextKey.StartsWith(KeyPrefix, StringComparison.Ordinal) || plainTextKey.Length > 128)
        {
            return null;
        }

        var hash = Hash(plainTextKey);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
        if (record is not null)
        {
            record.LastUsedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return record;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(int id, string revokedBy, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);
        if (record is null)
        {
            return false;
        }

        record.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(revokedBy, "api-key.revoked", $"Revoked API key '{record.Name}' ({record.Prefix}...).", null, cancellationToken);
        return true;
    }

    private static string Hash(string plain) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
}
