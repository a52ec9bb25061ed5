namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Keeps calls under a per-second budget: at most N starts in any one-second window, the rest wait their
/// turn in arrival order. Pacing on our side means the broker's 429 is a surprise, not the plan. Time comes
/// from a <see cref="TimeProvider"/>, so tests move it by hand.
/// </summary>
public sealed class RequestPacer : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly Queue<long> _starts = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();

    /// <summary>A pacer allowing <paramref name="perSecond"/> starts per second.</summary>
    public RequestPacer(int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        PerSecond = perSecond;
        _time = time;
    }

    /// <summary>The budget.</summary>
    public int PerSecond { get; }

    /// <summary>How many calls could start right now without waiting.</summary>
    public int RemainingNow
    {
        get
        {
            lock (_gate)
            {
                Prune(_time.GetTimestamp());
                return PerSecond - _starts.Count;
            }
        }
    }

    /// <summary>Waits until a call may start, and counts it as started.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        // One waiter at a time: a batch of orders leaves in the order it was submitted.
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _time.GetTimestamp();
                    Prune(now);
                    if (_starts.Count < PerSecond)
                    {
                        _starts.Enqueue(now);
                        return;
                    }

                    wait = Window - _time.GetElapsedTime(_starts.Peek(), now);
                }

                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1), _time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();

    private void Prune(long now)
    {
        while (_starts.Count > 0 && _time.GetElapsedTime(_starts.Peek(), now) >= Window)
        {
            _starts.Dequeue();
        }
    }
}
