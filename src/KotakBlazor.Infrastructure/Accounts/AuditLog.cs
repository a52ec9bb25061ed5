using System.Linq.Expressions;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Appends to the audit log and reads it back for the viewer. Entries are never updated or deleted.</summary>
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

    /// <summary>Entries matching <paramref name="query"/>, newest first, one page of them, with the total.</summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<AuditEntry> entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToUpperInvariant();
            entries = entries.Where(a => a.Actor.ToUpper() == actor);
        }

        if (query.ActionPrefixes is { Count: > 0 } prefixes)
        {
            entries = entries.Where(AnyPrefix(prefixes));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }

        if (query.Until is { } until)
        {
            entries = entries.Where(a => a.At < until);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total);
    }

    /// <summary>Everyone who appears in the audit log, by name: for the viewer's user filter.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db.AuditEntries.AsNoTracking().Select(a => a.Actor).Distinct().ToListAsync(cancellationToken);
        return [.. actors.Order(StringComparer.OrdinalIgnoreCase)];
    }

    // action LIKE 'p1%' OR action LIKE 'p2%' ...: EF translates StartsWith, but not a loop over a list.
    private static Expression<Func<AuditEntry, bool>> AnyPrefix(IReadOnlyList<string> prefixes)
    {
        var entry = Expression.Parameter(typeof(AuditEntry), "a");
        var action = Expression.Property(entry, nameof(AuditEntry.Action));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var body = prefixes.Select(p => (Expression)Expression.Call(action, startsWith, Expression.Constant(p))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<AuditEntry, bool>>(body, entry);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
