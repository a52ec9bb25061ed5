namespace KotakBlazor.Core.Execution;

/// <summary>
/// The last gate before a broker, shared by every path that sends an order. A send holds a
/// permit for the length of the broker call; tripping closes the gate at once, and
/// <see cref="WaitForSendsInFlightAsync"/> lets the trip wait for the calls that were already
/// through, so their orders can be cancelled too. Thread-safe.
/// </summary>
public sealed class KillSwitchGate
{
    private readonly object _sync = new();
    private bool _tripped;
    private int _inFlight;
    private TaskCompletionSource? _drained;

    /// <summary>True while no order may be sent.</summary>
    public bool IsTripped
    {
        get
        {
            lock (_sync)
            {
                return _tripped;
            }
        }
    }

    /// <summary>Opens or closes the gate.</summary>
    public void SetTripped(bool tripped)
    {
        lock (_sync)
        {
            _tripped = tripped;
        }
    }

    /// <summary>
    /// Takes a permit to send one order, or returns null when the gate is tripped. Dispose the
    /// permit when the broker call has returned.
    /// </summary>
    /// <param name="reducesRisk">
    /// True only for the system's own square-off and unwind orders, which flatten exposure: a
    /// tripped switch must never stop the desk from getting out. Everything else is blocked.
    /// </param>
    public IDisposable? TryEnter(bool reducesRisk = false)
    {
        lock (_sync)
        {
            if (_tripped && !reducesRisk)
            {
                return null;
            }

            _inFlight++;
            return new Permit(this);
        }
    }

    /// <summary>Completes when no send that entered before now is still with the broker.</summary>
    public Task WaitForSendsInFlightAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }

    private void Exit()
    {
        TaskCompletionSource? drained = null;
        lock (_sync)
        {
            _inFlight--;
            if (_inFlight == 0)
            {
                drained = _drained;
                _drained = null;
            }
        }

        drained?.TrySetResult();
    }

    private sealed class Permit(KillSwitchGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit();
            }
        }
    }
}
