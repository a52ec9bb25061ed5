using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In the Kotak modes: decides what Kotak's market feed streams. Unlike the simulator, Kotak sends ticks only
/// for subscribed tokens (3,000 at most), so the instruments that matter are subscribed: working orders and
/// open positions first (risk checks and P&amp;L need their prices), then <c>Broker:Subscribe</c>, then the option
/// chains' indices and the strikes around their prices (<see cref="OptionChainWindow"/>), then every watchlist.
/// Checked on an interval; subscriptions are only added during a run, never dropped, so a price a screen shows
/// does not stop moving because a row was removed elsewhere or the chain's window moved on.
/// </summary>
public sealed partial class KotakMarketSubscriptions(
    KotakSFeed feed,
    IInstrumentCatalog catalog,
    KotakScripMasterService scripMaster,
    OptionChainWindow chainWindow,
    OrderManager orders,
    IDbContextFactory<KotakDbContext> contexts,
    IOptions<BrokerOptions> options,
    IOptions<KotakSFeedOptions> feedOptions,
    TimeProvider clock,
    ILogger<KotakMarketSubscriptions> logger) : BackgroundService
{
    private readonly HashSet<string> _unknownReported = new(StringComparer.OrdinalIgnoreCase);
    private bool _fullReported;

    /// <summary>The instruments wanted now, most important first (instruments the catalog does not know are left out).</summary>
    public async Task<IReadOnlyList<Instrument>> WantedAsync(CancellationToken cancellationToken)
    {
        var wanted = new List<Instrument>();
        var seen = new HashSet<InstrumentId>();
        void Want(Instrument instrument)
        {
            if (seen.Add(instrument.Id))
            {
                wanted.Add(instrument);
            }
        }

        foreach (var order in orders.Orders.Where(o => OrderLifecycle.IsActive(o.Status) || o.Position == PositionState.Ongoing))
        {
            if (catalog.TryGet(order.Instrument, out var instrument))
            {
                Want(instrument);
            }
        }

        foreach (var symbol in options.Value.Subscribe)
        {
            if (catalog.TryGetBySymbol(symbol.Trim(), out var instrument))
            {
                Want(instrument);
            }
            else if (catalog.All.Count > 0 && _unknownReported.Add(symbol))
            {
                LogUnknownSymbol(logger, symbol);
            }
        }

        // The chains rank below what the desk holds and what an operator named, and above watchlists: their window is
        // bounded (indices x expiries x strikes) where watchlists are not, the strangle builder prices orders from
        // it, and a watchlist row only shows a price. A watchlist long enough to meet the cap loses its tail.
        foreach (var instrument in chainWindow.Wanted(clock.GetUtcNow()))
        {
            Want(instrument);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.WatchlistEntries.AsNoTracking().Select(w => w.InstrumentKey).Distinct().ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            if (InstrumentId.TryParse(key, out var id) && catalog.TryGet(id, out var instrument))
            {
                Want(instrument);
            }
        }

        return wanted;
    }

    /// <summary>Subscribes what is wanted and not subscribed yet; returns how many were added.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        var wanted = await WantedAsync(cancellationToken);
        var subscribed = new HashSet<InstrumentId>(Enum.GetValues<SFeedChannel>().SelectMany(feed.Subscribed));
        var room = feedOptions.Value.MaxTokens - subscribed.Count;
        var missing = wanted.Where(i => !subscribed.Contains(i.Id)).ToList();
        if (missing.Count > room)
        {
            if (!_fullReported)
            {
                LogFull(logger, feedOptions.Value.MaxTokens, missing.Count - Math.Max(room, 0));
                _fullReported = true;
            }

            missing = missing.Take(Math.Max(room, 0)).ToList();
        }

        var indices = missing.Where(i => i.Type == InstrumentType.Index).Select(i => i.Id).ToList();
        var scrips = missing.Where(i => i.Type != InstrumentType.Index).Select(i => i.Id).ToList();
        if (indices.Count > 0)
        {
            await feed.SubscribeAsync(SFeedChannel.Indices, indices, cancellationToken);
        }

        if (scrips.Count > 0)
        {
            await feed.SubscribeAsync(SFeedChannel.Scrips, scrips, cancellationToken);
        }

        if (missing.Count > 0)
        {
            LogSubscribed(logger, missing.Count, string.Join(", ", missing.Take(10).Select(i => i.TradingSymbol)));
        }

        return missing.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await scripMaster.FirstLoad.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SubscriptionRefresh, clock);
        try
        {
            do
            {
                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSyncFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kotak market feed: {Count} instrument(s) subscribed ({First})")]
    private static partial void LogSubscribed(ILogger logger, int count, string first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker:Subscribe names {Symbol}, which is not in today's scrip master")]
    private static partial void LogUnknownSymbol(ILogger logger, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kotak's market feed takes {Max} tokens; {Left} wanted instrument(s) get no ticks (trim the watchlists)")]
    private static partial void LogFull(ILogger logger, int max, int left);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kotak market-feed subscriptions could not be brought up to date; trying again on the next interval")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
