using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// Kotak's SFeed market feed: logs in on the socket with the session's UCC and sid, keeps the
/// subscriptions (re-sent after every reconnect, since the server forgets them), decodes the
/// binary frames into ticks, reconnects with backoff, and raises an alarm when a connected
/// socket goes silent while the market is open.
/// </summary>
public sealed partial class KotakSFeed : IMarketDataFeed
{
    /// <summary>The feed's name in status and health.</summary>
    public const string FeedName = "kotak-sfeed";

    private readonly IKotakFeedSession _session;
    private readonly KotakSFeedOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KotakSFeed> _logger;
    private readonly FeedConnectionLoop _loop;
    private readonly SemaphoreSlim _subscriptionGate = new(1, 1);
    private readonly Lock _setsGate = new();
    private readonly Dictionary<SFeedChannel, HashSet<InstrumentId>> _subscriptions = new()
    {
        [SFeedChannel.Indices] = [], [SFeedChannel.Scrips] = [], [SFeedChannel.Depth] = [],
    };

    private volatile FeedSocket? _socket;
    private IFeedSink? _sink;
    private int _running;

    /// <summary>Creates the feed; it connects when <see cref="RunAsync"/> starts.</summary>
    public KotakSFeed(IKotakFeedSession session, IOptions<KotakSFeedOptions> options, IMarketHours marketHours, TimeProvider timeProvider, ILogger<KotakSFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(marketHours);
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.TokensPerFrame, 1, nameof(options));
        _loop = new FeedConnectionLoop(FeedName, new Protocol(this), _session, _options, marketHours, _timeProvider, _logger);
    }

    /// <inheritdoc />
    public string Name => FeedName;

    /// <summary>Tries to connect at once when the feed is waiting out a backoff (call it when a new session starts); false when it was not waiting.</summary>
    public bool ReconnectNow() => _loop.WakeUp();

    /// <summary>The connection now: state, last message, reconnect count, last error.</summary>
    public KotakFeedStatus Status => _loop.Status;

    /// <summary>Each change of connection state.</summary>
    public EventStream<KotakFeedStatus> StatusChanged => _loop.StatusChanged;

    /// <summary>Silence while the market is open, or refused credentials.</summary>
    public EventStream<FeedAlarm> Alarms => _loop.Alarms;

    /// <inheritdoc />
    public async Task RunAsync(IFeedSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The Kotak market feed is already running.");
        }

        try
        {
            _sink = sink;
            await _loop.RunAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>The instruments subscribed on a channel.</summary>
    public IReadOnlyCollection<InstrumentId> Subscribed(SFeedChannel channel)
    {
        lock (_setsGate)
        {
            return [.. _subscriptions[channel]];
        }
    }

    /// <summary>
    /// Subscribes instruments (sent at once when connected, and again after every reconnect).
    /// Instruments already subscribed on the channel are not sent again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The subscriptions would pass <see cref="KotakSFeedOptions.MaxTokens"/>; nothing is subscribed.</exception>
    public async Task SubscribeAsync(SFeedChannel channel, IEnumerable<InstrumentId> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var requested = instruments.Distinct().ToList();
        await _subscriptionGate.WaitAsync(cancellationToken);
        try
        {
            List<InstrumentId> added;
            lock (_setsGate)
            {
                var set = _subscriptions[channel];
                added = requested.Where(i => !set.Contains(i)).ToList();
                var total = _subscriptions.Values.Sum(s => s.Count) + added.Count;
                if (total > _options.MaxTokens)
                {
                    throw new InvalidOperationException(
                        $"Kotak's feed takes at most {_options.MaxTokens} tokens per connection; {added.Count} more would make {total}. Unsubscribe some first.");
                }

                set.UnionWith(added);
            }

            await SendAsync(channel, added, subscribe: true, cancellationToken);
        }
        finally
        {
            _subscriptionGate.Release();
        }
    }

    /// <summary>Unsubscribes instruments; ones not subscribed on the channel are ignored.</summary>
    public async Task UnsubscribeAsync(SFeedChannel channel, IEnumerable<InstrumentId> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var requested = instruments.Distinct().ToList();
        await _subscriptionGate.WaitAsync(cancellationToken);
        try
        {
            List<InstrumentId> removed;
            lock (_setsGate)
            {
                removed = requested.Where(_subscriptions[channel].Remove).ToList();
            }

            await SendAsync(channel, removed, subscribe: false, cancellationToken);
        }
        finally
        {
            _subscriptionGate.Release();
        }
    }

    // Called with the subscription gate held, so frames leave in the order the calls were made.
    private async Task SendAsync(SFeedChannel channel, List<InstrumentId> instruments, bool subscribe, CancellationToken cancellationToken)
    {
        if (_socket is not { } socket || instruments.Count == 0)
        {
            return;
        }

        try
        {
            await SendBatchesAsync(socket, channel, instruments, subscribe, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The socket just died: the set is updated and the reconnect sends it whole.
            LogSendFailed(ex.Message);
        }
    }

    private async Task SendBatchesAsync(FeedSocket socket, SFeedChannel channel, IReadOnlyCollection<InstrumentId> instruments, bool subscribe, CancellationToken cancellationToken)
    {
        foreach (var batch in instruments.Chunk(_options.TokensPerFrame))
        {
            var frame = subscribe ? SFeedControlFrames.Subscribe(channel, batch) : SFeedControlFrames.Unsubscribe(channel, batch);
            await socket.SendTextAsync(frame, cancellationToken);
        }

        LogSubscriptionSent(subscribe ? "subscribe" : "unsubscribe", channel, instruments.Count);
    }
}
