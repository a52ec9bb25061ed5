namespace KotakBlazor.Core.MarketData.Ingestion;

/// <summary>
/// The liveness of one feed: written by the feed's sink and the pipeline, read by status
/// screens from any thread.
/// </summary>
public sealed class FeedHealth
{
    /// <summary>Five seconds without a tick while the market is open makes a feed stale.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private ConnectionState _state;
    private DateTimeOffset? _connectedAt;
    private string? _lastError;
    private int _reconnectCount;
    private bool _lostWhileRunning;

    // Written per tick, so kept out of the lock; 0 means no tick yet.
    private long _lastTickUtcTicks;

    /// <summary>Creates the health record of a feed that is about to start.</summary>
    public FeedHealth(string name, TimeSpan? staleAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var threshold = staleAfter ?? DefaultStaleAfter;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, TimeSpan.Zero, nameof(staleAfter));
        Name = name;
        StaleAfter = threshold;
    }

    private enum ConnectionState
    {
        Connecting,
        Connected,
        Disconnected,
    }

    /// <summary>The feed's name.</summary>
    public string Name { get; }

    /// <summary>How long the market may be silent on a connected feed, while open, before it is stale.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>Whether the feed reports a live connection.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _state == ConnectionState.Connected;
            }
        }
    }

    /// <summary>When the last tick arrived from this feed (our clock, not the exchange's); null before the first.</summary>
    public DateTimeOffset? LastTickAt
    {
        get
        {
            var ticks = Volatile.Read(ref _lastTickUtcTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>How many times the feed was restarted after a failure, or reconnected after losing its connection.</summary>
    public int ReconnectCount
    {
        get
        {
            lock (_gate)
            {
                return _reconnectCount;
            }
        }
    }

    /// <summary>Why the feed last failed or disconnected; null if it never did.</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>
    /// The feed's status at <paramref name="now"/>. A connected feed that ticked within
    /// <see cref="StaleAfter"/> is live even outside market hours (the simulator never sleeps);
    /// a silent one is stale while the market is open and simply closed otherwise.
    /// </summary>
    public FeedStatus GetStatus(DateTimeOffset now, bool isMarketOpen)
    {
        ConnectionState state;
        DateTimeOffset? connectedAt;
        lock (_gate)
        {
            state = _state;
            connectedAt = _connectedAt;
        }

        switch (state)
        {
            case ConnectionState.Connecting:
                return FeedStatus.Connecting;
            case ConnectionState.Disconnected:
                return FeedStatus.Disconnected;
        }

        var lastTick = LastTickAt;
        var lastActivity = lastTick is { } t && (connectedAt is null || t > connectedAt) ? t : connectedAt ?? now;
        if (now - lastActivity <= StaleAfter)
        {
            return FeedStatus.Live;
        }

        return isMarketOpen ? FeedStatus.Stale : FeedStatus.MarketClosed;
    }

    /// <summary>Records a tick received at <paramref name="receivedAt"/>. Cheap: called per tick.</summary>
    public void RecordTick(DateTimeOffset receivedAt) => Volatile.Write(ref _lastTickUtcTicks, receivedAt.UtcTicks);

    /// <summary>Records a connection change reported by the feed.</summary>
    public void RecordConnection(bool connected, string? reason, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (connected)
            {
                if (_lostWhileRunning)
                {
                    _reconnectCount++;
                    _lostWhileRunning = false;
                }

                _state = ConnectionState.Connected;
                _connectedAt = now;
                return;
            }

            if (_state == ConnectionState.Connected)
            {
                _lostWhileRunning = true;
            }

            _state = ConnectionState.Disconnected;
            _lastError = reason ?? _lastError;
        }
    }

    /// <summary>Records that the feed failed; it stays disconnected until restarted.</summary>
    public void RecordFailure(string error)
    {
        lock (_gate)
        {
            _state = ConnectionState.Disconnected;
            _lastError = error;
            _lostWhileRunning = false;
        }
    }

    /// <summary>Records that the feed is being started again after a failure.</summary>
    public void RecordRestart()
    {
        lock (_gate)
        {
            _reconnectCount++;
            _state = ConnectionState.Connecting;
            _lostWhileRunning = false;
        }
    }
}
