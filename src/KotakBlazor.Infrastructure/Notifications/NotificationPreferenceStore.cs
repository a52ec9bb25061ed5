using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>Each user's choice of which notifications to receive in the app and on Telegram.</summary>
public sealed class NotificationPreferenceStore(IDbContextFactory<KotakDbContext> contexts, TimeProvider clock)
{
    /// <summary>A user's choice for every kind, defaults filled in, in the kinds' order.</summary>
    public async Task<IReadOnlyList<NotificationChoice>> LoadAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserName == userName).ToListAsync(cancellationToken);
        return [.. Enum.GetValues<NotificationKind>().Select(kind => rows.FirstOrDefault(r => r.Kind == kind) is { } row
            ? new NotificationChoice(kind, row.InApp, row.Telegram)
            : NotificationChoice.Default(kind))];
    }

    /// <summary>Stores a user's choices (kinds not given keep theirs).</summary>
    public async Task SaveAsync(string userName, IEnumerable<NotificationChoice> choices, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(choices);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NotificationPreferences.Where(p => p.UserName == userName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var choice in choices)
        {
            var row = rows.FirstOrDefault(r => r.Kind == choice.Kind);
            if (row is null)
            {
                row = new NotificationPreferenceRecord { UserName = userName, Kind = choice.Kind };
                db.NotificationPreferences.Add(row);
                rows.Add(row);
            }

            row.InApp = choice.InApp;
            row.Telegram = choice.Telegram;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The choices of several users for one kind, defaults filled in (one query for a whole publish).</summary>
    internal static async Task<IReadOnlyDictionary<string, NotificationChoice>> ForKindAsync(KotakDbContext db, IReadOnlyCollection<string> userNames, NotificationKind kind, CancellationToken cancellationToken)
    {
        var rows = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == kind && userNames.Contains(p.UserName))
            .ToListAsync(cancellationToken);
        return userNames.ToDictionary(
            user => user,
            user => rows.FirstOrDefault(r => r.UserName == user) is { } row ? new NotificationChoice(kind, row.InApp, row.Telegram) : NotificationChoice.Default(kind),
            StringComparer.Ordinal);
    }
}
