using System.Threading.Channels;
using KotakBlazor.Core.MarketData.Ingestion;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.MarketData;

/// <summary>
/// Runs the market-data feeds into <see cref="TickIngestion"/>: every feed writes raw ticks into
/// one bounded channel (waiting when ingestion is behind, so nothing is lost), and one loop
/// reads the channel and ingests, so ingestion stays single-threaded. A feed that fails is
/// logged, marked disconnected and restarted after a backoff; the others carry on.
/// </summary>
public sealed partial class TickPipeline
{
    private readonly TickIngestion _ingestion;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TickPipeline> _logger;
    private readonly TickPipelineOptions _options;
    private volatile FeedHealth[] _feeds = [];

    /// <summary>Creates the pipeline.</summary>
    public TickPipeline(TickIngestion ingestion, TimeProvider timeProvider, ILogger<TickPipeline> logger, TickPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _ingestion = ingestion;
        _timeProvider = timeProvider;
        _logger = logger;
        _options = options ?? new TickPipelineOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ChannelCapacity, 1, nameof(options));
    }

    /// <summary>The health of each feed of the current run, in the order given; empty before <see cref="RunAsync"/>.</summary>
    public IReadOnlyList<FeedHealth> Feeds => _feeds;

    /// <summary>
    /// Runs every feed and the ingestion loop until cancelled, then returns (cancellation is the
    /// normal way to stop, not an error). A feed that returns by itself is finished (a replay
    /// that reached its end) and is not restarted; when all feeds have finished and their ticks
    /// are ingested, this returns.
    /// </summary>
    public async Task RunAsync(IEnumerable<IMarketDataFeed> feeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var feedList = feeds.ToArray();
        var channel = Channel.CreateBounded<Tick>(new BoundedChannelOptions(_options.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = feedList.Length <= 1,
        });

        var health = feedList.Select(f => new FeedHealth(f.Name, _options.StaleAfter)).ToArray();
        _feeds = health;

        var ingestLoop = IngestAsync(channel.Reader, cancellationToken);
        var feedTasks = new Task[feedList.Length];
        for (var i = 0; i < feedList.Length; i++)
        {
            feedTasks[i] = RunFeedAsync(feedList[i], new PipelineFeedSink(channel.Writer, health[i], _timeProvider), health[i], cancellationToken);
        }

        try
        {
            await Task.WhenAll(feedTasks);
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        await ingestLoop;
    }

    private async Task IngestAsync(ChannelReader<Tick> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out var tick))
                {
                    _ingestion.Ingest(in tick);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunFeedAsync(IMarketDataFeed feed, PipelineFeedSink sink, FeedHealth health, CancellationToken cancellationToken)
    {
        // A feed that does synchronous work before its first await must not hold up the others' start.
        await Task.Yield();
        var delay = _options.InitialRestartDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var ticksBefore = health.LastTickAt;
            try
            {
                LogFeedStarting(feed.Name);
                await feed.RunAsync(sink, cancellationToken);
                if (!cancellationToken.IsCancellationRequested)
                {
                    LogFeedEnded(feed.Name);
                    health.RecordConnection(false, "The feed ended.", _timeProvider.GetUtcNow());
                }

                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                health.RecordFailure(ex.Message);
                LogFeedFailed(ex, feed.Name, delay);
            }

            // A feed that delivered ticks before failing was healthy: start its backoff afresh.
            if (health.LastTickAt != ticksBefore)
            {
                delay = _options.InitialRestartDelay;
            }

            try
            {
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRestartDelay.Ticks));
            health.RecordRestart();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting market-data feed {Feed}")]
    private partial void LogFeedStarting(string feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Market-data feed {Feed} ended")]
    private partial void LogFeedEnded(string feed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Market-data feed {Feed} failed; restarting in {Delay}")]
    private partial void LogFeedFailed(Exception exception, string feed, TimeSpan delay);
}
