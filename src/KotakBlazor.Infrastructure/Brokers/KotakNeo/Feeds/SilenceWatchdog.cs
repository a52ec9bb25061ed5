using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// Notices a connected socket that has gone quiet while the market is open. Silence counts only
/// from the session's open: a socket idle all night is not silent at 09:15:01. One timer,
/// re-armed for the moment the silence would be long enough, so a busy socket costs nothing
/// per message but a timestamp. It fires once; the caller then replaces the connection.
/// </summary>
internal sealed class SilenceWatchdog : IDisposable
{
    private readonly TimeSpan _threshold;
    private readonly IMarketHours _hours;
    private readonly TimeProvider _timeProvider;
    private readonly Action<TimeSpan> _onSilent;
    private readonly ITimer _timer;
    private long _lastActivityUtcTicks;
    private DateTimeOffset? _countFrom;

    public SilenceWatchdog(TimeSpan threshold, IMarketHours hours, TimeProvider timeProvider, Action<TimeSpan> onSilent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, TimeSpan.Zero);
        _threshold = threshold;
        _hours = hours;
        _timeProvider = timeProvider;
        _onSilent = onSilent;
        var now = timeProvider.GetUtcNow();
        _lastActivityUtcTicks = now.UtcTicks;
        _timer = timeProvider.CreateTimer(static s => ((SilenceWatchdog)s!).Check(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts watching from now.</summary>
    public void Start() => Check();

    /// <summary>Something arrived.</summary>
    public void Touch() => Volatile.Write(ref _lastActivityUtcTicks, _timeProvider.GetUtcNow().UtcTicks);

    public void Dispose() => _timer.Dispose();

    private void Check()
    {
        var now = _timeProvider.GetUtcNow();
        if (!_hours.IsOpen(now))
        {
            // Closed: nothing to expect until the next open; look again then.
            _countFrom = null;
            var open = _hours.NextOpen(now);
            _timer.Change(open > now ? open - now : _threshold, Timeout.InfiniteTimeSpan);
            return;
        }

        var countFrom = _countFrom ??= now;
        var last = new DateTimeOffset(Volatile.Read(ref _lastActivityUtcTicks), TimeSpan.Zero);
        var silentFor = now - (last > countFrom ? last : countFrom);
        if (silentFor >= _threshold)
        {
            _onSilent(silentFor);
            return;
        }

        _timer.Change(_threshold - silentFor, Timeout.InfiniteTimeSpan);
    }
}
