using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>
/// Keeps <see cref="ScripMasterCatalog"/> on the current trading day's scrip master: from the
/// database when today's set is cached, otherwise downloaded from Kotak and cached; when Kotak
/// cannot be reached, the last cached day is loaded instead (offline start).
/// </summary>
public sealed partial class ScripMasterRefresher
{
    private const int ProblemsKept = 100;

    private readonly KotakScripMasterClient _client;
    private readonly ScripMasterCache _cache;
    private readonly ScripMasterCatalog _catalog;
    private readonly KotakScripMasterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ScripMasterRefresher> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates the refresher.</summary>
    public ScripMasterRefresher(
        KotakScripMasterClient client,
        ScripMasterCache cache,
        ScripMasterCatalog catalog,
        IOptions<KotakScripMasterOptions> options,
        TimeProvider timeProvider,
        ILogger<ScripMasterRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Every refresh's outcome, for the broker health screen.</summary>
    public EventStream<ScripMasterRefreshResult> Refreshed { get; } = new();

    /// <summary>
    /// The trading day whose files are current at <paramref name="time"/>: the IST date, or the
    /// day before until <see cref="KotakScripMasterOptions.PublishedBy"/>.
    /// </summary>
    public DateOnly TradingDayAt(DateTimeOffset time)
    {
        var ist = IndianMarketTime.ToIst(time);
        var date = DateOnly.FromDateTime(ist.DateTime);
        return TimeOnly.FromDateTime(ist.DateTime) < _options.PublishedBy ? date.AddDays(-1) : date;
    }

    /// <summary>
    /// Makes sure the catalog holds the current trading day's instruments. Network and format
    /// failures never throw: they fall back to the cache and are described in the result.
    /// </summary>
    public async Task<ScripMasterRefreshResult> EnsureTodayAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var result = await RefreshAsync(TradingDayAt(_timeProvider.GetUtcNow()), cancellationToken);
            Refreshed.Publish(result);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Refreshes now and then once a trading day (at <see cref="KotakScripMasterOptions.PublishedBy"/> IST),
    /// retrying after <see cref="KotakScripMasterOptions.RetryAfterFailure"/> while Kotak cannot be reached.
    /// Runs until cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await EnsureTodayAsync(cancellationToken);
                var now = _timeProvider.GetUtcNow();
                var nextDay = IndianMarketTime.AtIst(TradingDayAt(now).AddDays(1), _options.PublishedBy);
                var current = result.Source is ScripMasterSource.Download or ScripMasterSource.Cache or ScripMasterSource.AlreadyCurrent;
                var next = current ? nextDay : Min(now + _options.RetryAfterFailure, nextDay);
                await Task.Delay(next - now, _timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop.
        }
    }

    private async Task<ScripMasterRefreshResult> RefreshAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_catalog.Day == day)
        {
            return new ScripMasterRefreshResult(ScripMasterSource.AlreadyCurrent, day, _catalog.All.Count, [], null);
        }

        var cachedDay = await _cache.GetDayAsync(cancellationToken);
        if (cachedDay?.Day == day)
        {
            var loaded = await LoadCacheAsync(cancellationToken);
            LogLoadedFromCache(day, loaded.Count);
            return new ScripMasterRefreshResult(ScripMasterSource.Cache, day, loaded.Count, [], null);
        }

        try
        {
            return await DownloadAsync(day, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex);
            LogDownloadFailed(ex, day, error);
            if (_catalog.Day is { } memoryDay)
            {
                return new ScripMasterRefreshResult(ScripMasterSource.StaleCache, memoryDay, _catalog.All.Count, [], error);
            }

            if (cachedDay is null)
            {
                return new ScripMasterRefreshResult(ScripMasterSource.None, null, 0, [], error);
            }

            var loaded = await LoadCacheAsync(cancellationToken);
            LogOffline(cachedDay.Day, loaded.Count);
            return new ScripMasterRefreshResult(ScripMasterSource.StaleCache, cachedDay.Day, loaded.Count, [], error);
        }
    }

    private async Task<ScripMasterRefreshResult> DownloadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var files = await _client.GetFilesAsync(cancellationToken);
        var instruments = new List<Instrument>();
        var problems = new List<ScripMasterProblem>();
        var found = 0;
        foreach (var segment in _options.Segments)
        {
            var file = files.FirstOrDefault(f => string.Equals(f.Segment, segment, StringComparison.OrdinalIgnoreCase));
            if (file is null)
            {
                LogSegmentMissing(segment);
                continue;
            }

            // One failed file fails the day: a master without its F&O file would look complete and is not.
            var parsed = await _client.DownloadAsync(file, cancellationToken);
            instruments.AddRange(parsed.Instruments);
            problems.AddRange(parsed.Problems);
            found++;
        }

        if (found == 0)
        {
            throw new ScripMasterFormatException($"None of the segments {string.Join(", ", _options.Segments)} is among today's files.");
        }

        var dropped = _catalog.Replace(day, instruments);
        foreach (var duplicate in dropped)
        {
            problems.Add(new ScripMasterProblem(duplicate.Id.Segment.ToWireName(), 0, $"trading symbol {duplicate.TradingSymbol} ({duplicate.Id}) is already used by another segment; dropped"));
        }

        var kept = _catalog.All;
        string? cacheError = null;
        try
        {
            await _cache.ReplaceAsync(new ScripMasterCachedDay(day, _timeProvider.GetUtcNow(), kept.Count, problems.Count), kept, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Today's instruments are in use; only the offline copy is missing. Say so rather than fail the day.
            cacheError = $"downloaded but not cached: {ex.Message}";
            LogCacheFailed(ex, day);
        }

        LogDownloaded(day, kept.Count, problems.Count);
        return new ScripMasterRefreshResult(ScripMasterSource.Download, day, kept.Count, problems.Take(ProblemsKept).ToList(), cacheError);
    }

    private async Task<IReadOnlyList<Instrument>> LoadCacheAsync(CancellationToken cancellationToken)
    {
        var cached = await _cache.LoadAsync(cancellationToken);
        if (cached is not { } found)
        {
            return [];
        }

        _catalog.Replace(found.Day.Day, found.Instruments);
        return _catalog.All;
    }

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "Kotak did not answer in time.",
        HttpRequestException http when http.StatusCode is { } status => $"Kotak answered {(int)status}: {http.Message}",
        _ => ex.Message,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrip master for {Day} loaded from the cache: {Count} instruments")]
    private partial void LogLoadedFromCache(DateOnly day, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrip master for {Day} downloaded and cached: {Count} instruments, {Skipped} row(s) skipped")]
    private partial void LogDownloaded(DateOnly day, int count, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scrip master for {Day} could not be downloaded: {Error}")]
    private partial void LogDownloadFailed(Exception exception, DateOnly day, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scrip master for {Day} is in use but could not be cached for offline starts")]
    private partial void LogCacheFailed(Exception exception, DateOnly day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working offline on the cached scrip master of {Day} ({Count} instruments)")]
    private partial void LogOffline(DateOnly day, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scrip master: no file for segment {Segment} today")]
    private partial void LogSegmentMissing(string segment);
}
