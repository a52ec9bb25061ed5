using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// Kotak's HSI order feed: the raw handshake string with the trade token and sid, a
/// <c>{type:hb}</c> heartbeat on the clock, and pushed order and position updates published
/// for the gateway. Reconnects with backoff; the server pushes the current state again after
/// a reconnect, so nothing needs re-subscribing.
/// </summary>
public sealed partial class KotakOrderFeed
{
    /// <summary>The feed's name in status and health.</summary>
    public const string FeedName = "kotak-orders";

    /// <summary>The heartbeat frame, raw as Kotak's HSI client sends it (not JSON).</summary>
    internal const string Heartbeat = "{type:hb}";

    private readonly KotakOrderFeedOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KotakOrderFeed> _logger;
    private readonly FeedConnectionLoop _loop;

    // Touched only by the receive loop: what is known of each working order, so a sparse update can be completed.
    private readonly Dictionary<string, KotakMessageFields> _known = new(StringComparer.Ordinal);
    private CancellationTokenSource? _heartbeatStop;
    private PeriodicTimer? _heartbeatTimer;
    private int _running;

    /// <summary>Creates the feed; it connects when <see cref="RunAsync"/> starts.</summary>
    public KotakOrderFeed(IKotakFeedSession session, IOptions<KotakOrderFeedOptions> options, IMarketHours marketHours, TimeProvider timeProvider, ILogger<KotakOrderFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(marketHours);
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.HeartbeatInterval, TimeSpan.Zero, nameof(options));
        _loop = new FeedConnectionLoop(FeedName, new Protocol(this), session, _options, marketHours, _timeProvider, _logger);
    }

    /// <summary>Tries to connect at once when the feed is waiting out a backoff (call it when a new session starts); false when it was not waiting.</summary>
    public bool ReconnectNow() => _loop.WakeUp();

    /// <summary>The connection now: state, last message, reconnect count, last error.</summary>
    public KotakFeedStatus Status => _loop.Status;

    /// <summary>Each change of connection state.</summary>
    public EventStream<KotakFeedStatus> StatusChanged => _loop.StatusChanged;

    /// <summary>Refused credentials (and silence, when <see cref="KotakFeedOptions.SilenceAlarmAfter"/> is set).</summary>
    public EventStream<FeedAlarm> Alarms => _loop.Alarms;

    /// <summary>Every order update that describes the order fully.</summary>
    public EventStream<BrokerOrder> Orders { get; } = new();

    /// <summary>Order updates too sparse to describe the order: fetch those orders by REST.</summary>
    public EventStream<KotakIncompleteOrderUpdate> IncompleteOrders { get; } = new();

    /// <summary>Every position update.</summary>
    public EventStream<KotakPositionUpdate> Positions { get; } = new();

    /// <summary>Connects and keeps connected until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The Kotak order feed is already running.");
        }

        try
        {
            await _loop.RunAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>The raw handshake: <c>{type:cn,Authorization:&lt;trade token&gt;,Sid:&lt;sid&gt;,src:WEB}</c>, not JSON.</summary>
    internal static string Handshake(KotakFeedCredentials credentials, string source) =>
        $"{{type:cn,Authorization:{credentials.TradeToken},Sid:{credentials.Sid},src:{source}}}";

    private Uri ResolveUrl(KotakFeedCredentials credentials)
    {
        if (!string.IsNullOrWhiteSpace(_options.RealtimeUrl))
        {
            return FeedUrls.ToWebSocket(new Uri(_options.RealtimeUrl, UriKind.Absolute));
        }

        if (credentials.RealtimeUrl is { } realtime)
        {
            return FeedUrls.ToWebSocket(realtime);
        }

        return credentials.BaseUrl is { } baseUrl
            ? FeedUrls.Realtime(baseUrl)
            : throw new InvalidOperationException("Login gave neither rtUrl nor baseUrl; set Kotak:OrderFeed:RealtimeUrl.");
    }

    private async Task SendHeartbeatsAsync(FeedSocket socket, PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await socket.SendTextAsync(Heartbeat, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            // Nobody awaits this loop: it ends with its socket (cancelled, disposed, or broken under
            // it), and the receive loop does the reconnecting.
            LogHeartbeatStopped(ex.GetType().Name);
        }
    }
}
