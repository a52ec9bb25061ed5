using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Appends to the audit log. Entries are never updated or deleted.</summary>
public sealed class AuditLog(IDbContextFactory<KotakDbContext> contextFactory, TimeProvider time)
{
    public async Task WriteAsync(string actor, string action, string? details, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = Truncate(actor, 64),
            Action = action,
            Details = details,
            RemoteAddress = remoteAddress is null ? null : Truncate(remoteAddress, 64),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
