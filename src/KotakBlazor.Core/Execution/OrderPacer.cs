namespace KotakBlazor.Core.Execution;

/// <summary>
/// Holds order sends to the broker's orders-per-second limit (Kotak: 10/s) with a sliding
/// one-second window: ten orders go at once, the eleventh waits until the first is a second
/// old. Not a fixed sleep between orders; a fixed delay stays available for brokers that
/// want one. Thread-safe; time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class OrderPacer
{
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Creates a pacer.</summary>
    /// <param name="clock">The time source.</param>
    /// <param name="ordersPerSecond">The limit; 0 turns pacing off.</param>
    /// <param name="fixedDelay">An extra fixed wait between sends (zero by default).</param>
    public OrderPacer(TimeProvider clock, int ordersPerSecond, TimeSpan fixedDelay = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(ordersPerSecond);
        _clock = clock;
        OrdersPerSecond = ordersPerSecond;
        FixedDelay = fixedDelay;
    }

    /// <summary>The limit (0: off).</summary>
    public int OrdersPerSecond { get; }

    /// <summary>The fixed wait between sends.</summary>
    public TimeSpan FixedDelay { get; }

    /// <summary>Sends left in the current one-second window.</summary>
    public int Remaining
    {
        get
        {
            if (OrdersPerSecond == 0)
            {
                return int.MaxValue;
            }

            var cutoff = _clock.GetUtcNow().AddSeconds(-1);
            lock (_sent)
            {
                return OrdersPerSecond - _sent.Count(t => t > cutoff);
            }
        }
    }

    /// <summary>Waits for a turn to send one order, then counts it as sent.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (OrdersPerSecond == 0 && FixedDelay <= TimeSpan.Zero)
        {
            return;
        }

        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (FixedDelay > TimeSpan.Zero && LastSent is { } last)
            {
                var due = last + FixedDelay - _clock.GetUtcNow();
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, _clock, cancellationToken).ConfigureAwait(false);
                }
            }

            if (OrdersPerSecond > 0)
            {
                await WaitForWindowAsync(cancellationToken).ConfigureAwait(false);
            }

            lock (_sent)
            {
                _sent.Enqueue(_clock.GetUtcNow());
                LastSent = _clock.GetUtcNow();
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private DateTimeOffset? LastSent { get; set; }

    private async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_sent)
            {
                var now = _clock.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() <= now.AddSeconds(-1))
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < OrdersPerSecond)
                {
                    return;
                }

                wait = _sent.Peek().AddSeconds(1) - now;
            }

            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
