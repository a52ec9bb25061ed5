namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// A token cancelled by the caller or after a delay measured on the <see cref="TimeProvider"/>,
/// so tests drive timeouts with a manual clock. Disposing it disarms the delay.
/// </summary>
internal sealed class KotakTimeout : IDisposable
{
    private readonly CancellationTokenSource _delay;
    private readonly CancellationTokenSource _linked;

    public KotakTimeout(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _delay = new CancellationTokenSource(delay, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _delay.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the delay ran out (as opposed to the caller cancelling).</summary>
    public bool Expired => _delay.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _delay.Dispose();
    }
}
