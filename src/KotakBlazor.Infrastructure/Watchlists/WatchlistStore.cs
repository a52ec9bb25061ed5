using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Watchlists;

/// <summary>Each user's watchlist, in the order they added symbols.</summary>
public sealed class WatchlistStore(IDbContextFactory<KotakDbContext> contextFactory, IInstrumentCatalog catalog, TimeProvider time)
{
    /// <summary>The most symbols one watchlist holds; more would make the page heavy to render.</summary>
    public const int MaxEntries = 50;

    /// <summary>What a new user starts with, where the catalog has them.</summary>
    public static readonly IReadOnlyList<string> DefaultSymbols = ["Nifty 50", "Nifty Bank", "RELIANCE-EQ", "HDFCBANK-EQ", "INFY-EQ"];

    public async Task<IReadOnlyList<WatchlistItem>> GetAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WatchlistEntries.AsNoTracking()
            .Where(w => w.UserId == userId)
            .OrderBy(w => w.Position).ThenBy(w => w.Id)
            .Select(w => new { w.InstrumentKey, w.TradingSymbol })
            .ToListAsync(cancellationToken);
        var items = new List<WatchlistItem>(rows.Count);
        foreach (var row in rows)
        {
            if (InstrumentId.TryParse(row.InstrumentKey, out var id))
            {
                items.Add(new WatchlistItem(id, row.TradingSymbol));
            }
        }

        return items;
    }

    /// <summary>Adds an instrument. Returns a reason for people when it cannot.</summary>
    public async Task<string?> AddAsync(int userId, InstrumentId instrument, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(instrument, out var known))
        {
            return $"Unknown instrument {instrument}.";
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = instrument.ToString();
        var entries = await db.WatchlistEntries.Where(w => w.UserId == userId).Select(w => new { w.InstrumentKey, w.Position }).ToListAsync(cancellationToken);
        if (entries.Any(e => e.InstrumentKey == key))
        {
            return $"{known.TradingSymbol} is already on your watchlist.";
        }

        if (entries.Count >= MaxEntries)
        {
            return $"A watchlist holds at most {MaxEntries} symbols; remove one first.";
        }

        db.WatchlistEntries.Add(new WatchlistEntry
        {
            UserId = userId,
            InstrumentKey = key,
            TradingSymbol = known.TradingSymbol,
            Position = entries.Count == 0 ? 0 : entries.Max(e => e.Position) + 1,
            AddedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> RemoveAsync(int userId, InstrumentId instrument, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = instrument.ToString();
        return await db.WatchlistEntries.Where(w => w.UserId == userId && w.InstrumentKey == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task SeedDefaultsAsync(int userId, CancellationToken cancellationToken)
    {
        foreach (var symbol in DefaultSymbols)
        {
            if (catalog.TryGetBySymbol(symbol, out var instrument))
            {
                await AddAsync(userId, instrument.Id, cancellationToken);
            }
        }
    }
}
