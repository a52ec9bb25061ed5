using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// The life of a Kotak feed connection, shared by SFeed and HSI: get the session, open the
/// socket, log in, receive until the socket dies or goes silent, wait with backoff, and again.
/// A refused login waits on a separate, longer backoff and asks the session to log in afresh,
/// so a dead session never turns into a tight reconnect loop.
/// </summary>
internal sealed partial class FeedConnectionLoop
{
    private readonly string _feed;
    private readonly IFeedProtocol _protocol;
    private readonly IKotakFeedSession _session;
    private readonly KotakFeedOptions _options;
    private readonly IMarketHours _hours;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private KotakFeedState _state = KotakFeedState.Connecting;
    private DateTimeOffset? _connectedSince;
    private DateTimeOffset? _nextAttemptAt;
    private string? _lastError;
    private int _reconnectCount;
    private long _lastMessageUtcTicks;
    private CancellationTokenSource? _waiting;
    private bool _wakePending;

    public FeedConnectionLoop(string feed, IFeedProtocol protocol, IKotakFeedSession session, KotakFeedOptions options, IMarketHours hours, TimeProvider timeProvider, ILogger logger)
    {
        _feed = feed;
        _protocol = protocol;
        _session = session;
        _options = options;
        _hours = hours;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    private enum AttemptEnd
    {
        Dropped,
        ConnectFailed,
        Rejected,
        SessionFailed,
    }

    public EventStream<FeedAlarm> Alarms { get; } = new();

    public EventStream<KotakFeedStatus> StatusChanged { get; } = new();

    public KotakFeedStatus Status
    {
        get
        {
            var last = Interlocked.Read(ref _lastMessageUtcTicks);
            lock (_gate)
            {
                return new KotakFeedStatus(_feed, _state, _connectedSince, last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero),
                    _reconnectCount, _lastError, _nextAttemptAt);
            }
        }
    }

    /// <summary>
    /// Ends the wait before the next attempt, if the loop is waiting: a new session (a person just logged in)
    /// should not sit out a backoff that grew while there was none. A no-op while connecting or connected.
    /// </summary>
    public bool WakeUp()
    {
        lock (_gate)
        {
            if (_waiting is not { } waiting)
            {
                // An attempt is under way (perhaps with the session that just ended), or one has just failed and its wait
                // is about to start: that wait is skipped.
                _wakePending |= _state is KotakFeedState.Connecting or KotakFeedState.Disconnected or KotakFeedState.Rejected;
                return false;
            }

            waiting.Cancel();
            _waiting = null;
            return true;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay, _options.ReconnectJitter);
        var refusedBackoff = new ReconnectBackoff(_options.RejectedRetryDelay, _options.MaxRejectedRetryDelay, _options.ReconnectJitter);
        var everConnected = false;
        try
        {
            while (true)
            {
                var (end, reason, connected) = await ConnectOnceAsync(everConnected, backoff, refusedBackoff, cancellationToken);
                everConnected |= connected;
                var wait = end is AttemptEnd.Rejected or AttemptEnd.SessionFailed ? refusedBackoff.Next() : backoff.Next();
                var next = _timeProvider.GetUtcNow() + wait;
                SetState(end == AttemptEnd.Rejected ? KotakFeedState.Rejected : KotakFeedState.Disconnected, reason, next);
                _protocol.OnConnectionChanged(false, $"{reason}; trying again in {wait.TotalSeconds:0.#} s");
                LogAttemptEnded(_feed, end.ToString(), reason, wait);
                await WaitAsync(wait, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SetState(KotakFeedState.Stopped, null, null);
            _protocol.OnConnectionChanged(false, "stopped");
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            if (_wakePending)
            {
                _wakePending = false;
                LogWokenUp(_feed);
                return;
            }

            _waiting = waiting;
        }

        try
        {
            await Task.Delay(wait, _timeProvider, waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogWokenUp(_feed);
        }
        finally
        {
            lock (_gate)
            {
                if (_waiting == waiting)
                {
                    _waiting = null;
                }
            }
        }
    }

    private async Task<(AttemptEnd End, string Reason, bool Connected)> ConnectOnceAsync(
        bool everConnected, ReconnectBackoff backoff, ReconnectBackoff refusedBackoff, CancellationToken cancellationToken)
    {
        SetState(KotakFeedState.Connecting, null, null);
        KotakFeedCredentials credentials;
        Uri url;
        try
        {
            credentials = await _session.GetAsync(cancellationToken);
            url = _protocol.ResolveUrl(credentials);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (AttemptEnd.SessionFailed, $"no Kotak session: {ex.Message}", false);
        }

        using var socket = new FeedSocket(_options);
        var handshake = await OpenAsync(socket, url, credentials, cancellationToken);
        if (handshake.Outcome == FeedHandshakeOutcome.CredentialsRefused)
        {
            var reason = $"Kotak refused the session: {handshake.Reason}";
            _session.ReportRejected(credentials, handshake.Reason!);
            Alarms.Publish(new FeedAlarm(_feed, FeedAlarmKind.Rejected, $"{reason}. Logging in again before the next attempt.", _timeProvider.GetUtcNow()));
            return (AttemptEnd.Rejected, reason, false);
        }

        if (handshake.Outcome == FeedHandshakeOutcome.Failed)
        {
            return (AttemptEnd.ConnectFailed, handshake.Reason!, false);
        }

        if (everConnected)
        {
            lock (_gate)
            {
                _reconnectCount++;
            }
        }

        string? silence = null;
        using var watchdog = _options.SilenceAlarmAfter is { } threshold
            ? new SilenceWatchdog(threshold, _hours, _timeProvider, silentFor =>
            {
                silence = $"no data for {silentFor.TotalSeconds:0} s while the market is open";
                Alarms.Publish(new FeedAlarm(_feed, FeedAlarmKind.Silent, $"{silence}; reconnecting.", _timeProvider.GetUtcNow()));
                _protocol.OnConnectionChanged(false, silence);
                socket.Abort();
            })
            : null;
        try
        {
            watchdog?.Start();
            await _protocol.OnConnectedAsync(socket, cancellationToken);
            backoff.Reset();
            refusedBackoff.Reset();
            SetState(KotakFeedState.Connected, null, null);
            _protocol.OnConnectionChanged(true, $"connected to {url.Host}");
            LogConnected(_feed, url.Host);
            while (await socket.ReceiveAsync(cancellationToken) is { } message)
            {
                var now = _timeProvider.GetUtcNow();
                Interlocked.Exchange(ref _lastMessageUtcTicks, now.UtcTicks);
                watchdog?.Touch();
                await _protocol.OnMessageAsync(message, cancellationToken);
            }

            return (AttemptEnd.Dropped, socket.CloseReason ?? "closed by the server", true);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (AttemptEnd.Dropped, silence ?? $"connection lost: {ex.Message}", true);
        }
        finally
        {
            _protocol.OnDisconnected();
        }
    }

    private async Task<FeedHandshake> OpenAsync(FeedSocket socket, Uri url, KotakFeedCredentials credentials, CancellationToken cancellationToken)
    {
        using (var timeout = new KotakTimeout(_options.ConnectTimeout, _timeProvider, cancellationToken))
        {
            try
            {
                await socket.ConnectAsync(url, timeout.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return FeedHandshake.Failed(timeout.Expired
                    ? $"could not connect to {url.Host} within {_options.ConnectTimeout.TotalSeconds:0} s"
                    : $"could not connect to {url.Host}: {ex.Message}");
            }
        }

        using (var timeout = new KotakTimeout(_options.HandshakeTimeout, _timeProvider, cancellationToken))
        {
            try
            {
                var handshake = await _protocol.HandshakeAsync(socket, credentials, timeout.Token);
                Interlocked.Exchange(ref _lastMessageUtcTicks, _timeProvider.GetUtcNow().UtcTicks);
                return handshake;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return FeedHandshake.Failed(timeout.Expired
                    ? $"no answer to the login within {_options.HandshakeTimeout.TotalSeconds:0} s"
                    : $"login on the socket failed: {ex.Message}");
            }
        }
    }

    private void SetState(KotakFeedState state, string? error, DateTimeOffset? nextAttemptAt)
    {
        lock (_gate)
        {
            _state = state;
            _wakePending &= state != KotakFeedState.Connected;
            _connectedSince = state == KotakFeedState.Connected ? _timeProvider.GetUtcNow() : null;
            _lastError = error ?? _lastError;
            _nextAttemptAt = nextAttemptAt;
        }

        StatusChanged.Publish(Status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Feed} trying again at once: a new Kotak session started")]
    private partial void LogWokenUp(string feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Feed} connected to {Host}")]
    private partial void LogConnected(string feed, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Feed} connection ended ({End}): {Reason}; next attempt in {Wait}")]
    private partial void LogAttemptEnded(string feed, string end, string reason, TimeSpan wait);
}
