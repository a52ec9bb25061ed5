using System.Threading.Tasks.Sources;

namespace KotakBlazor.Core.MarketData.Bus;

/// <summary>
/// A reusable wake-up for one waiting reader. The signalling side (the tick publisher) only
/// flips a flag under the owner's lock and queues this object to the thread pool, so it
/// allocates nothing and never runs reader code inline.
/// </summary>
/// <remarks>The owner's lock (<c>gate</c>) guards the waiting flag, so "check for data, then arm" is atomic with "add data, then take the waiter".</remarks>
internal sealed class AsyncSignal(object gate) : IValueTaskSource<bool>, IThreadPoolWorkItem
{
    private static readonly Action<object?> CancelCallback = static state => ((AsyncSignal)state!).OnCanceled();

    private ManualResetValueTaskSourceCore<bool> _core;
    private CancellationToken _token;
    private CancellationTokenRegistration _registration;
    private bool _waiting;
    private bool _pendingResult;
    private bool _pendingCanceled;

    /// <summary>Starts a wait. Call with the owner's lock held, after checking there is nothing to read.</summary>
    public void ArmLocked(CancellationToken cancellationToken)
    {
        _core.Reset();
        _waiting = true;
        _token = cancellationToken;
        _registration = default;
    }

    /// <summary>Hooks cancellation for the wait just armed and returns it. Call without the owner's lock.</summary>
    public ValueTask<bool> WaitArmed()
    {
        var version = _core.Version;
        if (_token.CanBeCanceled)
        {
            var registration = _token.UnsafeRegister(CancelCallback, this);
            bool keep;
            lock (gate)
            {
                keep = _waiting;
                if (keep)
                {
                    _registration = registration;
                }
            }

            if (!keep)
            {
                registration.Dispose();
            }
        }

        return new ValueTask<bool>(this, version);
    }

    /// <summary>Takes the waiter, if any, to be released with <paramref name="result"/>. Call with the owner's lock held; then call <see cref="Release"/> after unlocking.</summary>
    public bool TryTakeLocked(bool result)
    {
        if (!_waiting)
        {
            return false;
        }

        _waiting = false;
        _pendingResult = result;
        _pendingCanceled = false;
        return true;
    }

    /// <summary>Completes a taken wait on the thread pool.</summary>
    public void Release() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    void IThreadPoolWorkItem.Execute()
    {
        CancellationTokenRegistration registration;
        lock (gate)
        {
            registration = _registration;
            _registration = default;
        }

        registration.Dispose();
        if (_pendingCanceled)
        {
            _core.SetException(new OperationCanceledException(_token));
        }
        else
        {
            _core.SetResult(_pendingResult);
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void OnCanceled()
    {
        lock (gate)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
            _pendingCanceled = true;
        }

        Release();
    }
}
