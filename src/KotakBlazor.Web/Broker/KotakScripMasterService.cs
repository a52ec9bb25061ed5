using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In the Kotak modes: keeps the instrument catalog on the day's scrip master (cached copy at once when it is
/// today's, else a download; the last cached day when Kotak cannot be reached), refreshed once a trading day.
/// </summary>
public sealed class KotakScripMasterService(ScripMasterRefresher refresher) : BackgroundService
{
    private readonly TaskCompletionSource<ScripMasterRefreshResult> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ScripMasterRefreshResult? _last;

    /// <summary>Completes with the first load's outcome (the catalog may still be empty: see its source and error).</summary>
    public Task<ScripMasterRefreshResult> FirstLoad => _first.Task;

    /// <summary>The latest refresh's outcome, for the health panel; null before the first.</summary>
    public ScripMasterRefreshResult? Last => Volatile.Read(ref _last);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var refreshed = refresher.Refreshed.Subscribe(16);
        var follow = refreshed.ForEachAsync(result =>
        {
            Volatile.Write(ref _last, result);
            _first.TrySetResult(result);
            return Task.CompletedTask;
        }, null, stoppingToken);
        try
        {
            await refresher.RunAsync(stoppingToken);
        }
        finally
        {
            _first.TrySetCanceled(stoppingToken);
        }

        await follow;
    }
}
