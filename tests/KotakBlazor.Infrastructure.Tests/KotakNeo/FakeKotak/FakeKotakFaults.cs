namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>Faults queued for coming requests, matched by path.</summary>
internal sealed class FakeKotakFaults
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _queue = [];
    private TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> fail with <paramref name="fault"/>.</summary>
    public void Next(FakeFault fault, string pathContains, int times = 1)
    {
        lock (_gate)
        {
            _queue.Add(new Entry(fault, pathContains, times));
        }
    }

    /// <summary>Completes when a slow fault starts holding a request.</summary>
    public Task Stalled
    {
        get
        {
            lock (_gate)
            {
                return _stalled.Task;
            }
        }
    }

    /// <summary>Lets every held request go on.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _release.TrySetResult();
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    internal FakeFault? Take(string path)
    {
        lock (_gate)
        {
            var entry = _queue.FirstOrDefault(e => path.Contains(e.PathContains, StringComparison.Ordinal));
            if (entry is null)
            {
                return null;
            }

            if (--entry.Remaining == 0)
            {
                _queue.Remove(entry);
            }

            return entry.Fault;
        }
    }

    internal async Task HoldAsync(CancellationToken aborted)
    {
        Task release;
        lock (_gate)
        {
            release = _release.Task;
            _stalled.TrySetResult();
            _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        try
        {
            await release.WaitAsync(aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: nobody is waiting for the answer.
        }
    }

    private sealed class Entry(FakeFault fault, string pathContains, int remaining)
    {
        public FakeFault Fault { get; } = fault;

        public string PathContains { get; } = pathContains;

        public int Remaining { get; set; } = remaining;
    }
}
