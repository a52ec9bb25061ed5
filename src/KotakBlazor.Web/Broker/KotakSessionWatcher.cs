using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In the Kotak modes: when a Kotak session starts (an admin logged in, or a re-login), the feeds that are
/// waiting out a backoff connect at once and the scrip master is fetched if the catalog is not today's. Without
/// it, credentials entered twenty minutes after start-up would wait up to the longest backoff for ticks.
/// </summary>
public sealed partial class KotakSessionWatcher(
    KotakSessionKeeper sessions,
    KotakSFeed marketFeed,
    ScripMasterRefresher scripMaster,
    ScripMasterCatalog catalog,
    TimeProvider clock,
    ILogger<KotakSessionWatcher> logger,
    KotakOrderFeed? orderFeed = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var started = sessions.SessionStarted.Subscribe(16);
        await started.ForEachAsync(_ => OnSessionStartedAsync(stoppingToken), (ex, _) => LogFailed(logger, ex), stoppingToken);
    }

    private async Task OnSessionStartedAsync(CancellationToken cancellationToken)
    {
        var woken = marketFeed.ReconnectNow() | (orderFeed?.ReconnectNow() ?? false);
        if (woken)
        {
            LogFeedsWoken(logger);
        }

        if (catalog.Day != scripMaster.TradingDayAt(clock.GetUtcNow()))
        {
            var result = await scripMaster.EnsureTodayAsync(cancellationToken);
            LogScripMaster(logger, result.Source.ToString(), result.InstrumentCount, result.Error ?? "no error");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New Kotak session: the waiting feeds connect now")]
    private static partial void LogFeedsWoken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "New Kotak session: scrip master {Source}, {Count} instruments ({Error})")]
    private static partial void LogScripMaster(ILogger logger, string source, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Acting on a new Kotak session failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
