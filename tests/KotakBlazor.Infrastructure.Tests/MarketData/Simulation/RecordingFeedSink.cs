using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

/// <summary>A feed sink that keeps everything it is given and lets a test await a condition on it.</summary>
internal sealed class RecordingFeedSink : IFeedSink
{
    private readonly Lock _gate = new();
    private readonly List<Tick> _ticks = [];
    private readonly List<(bool Connected, string? Reason)> _reports = [];
    private readonly List<(Func<RecordingFeedSink, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<Tick> Ticks
    {
        get
        {
            lock (_gate)
            {
                return [.. _ticks];
            }
        }
    }

    public IReadOnlyList<(bool Connected, string? Reason)> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    public int StepCount
    {
        get
        {
            lock (_gate)
            {
                return _ticks.Select(t => t.ExchangeTime).Distinct().Count();
            }
        }
    }

    public ValueTask WriteAsync(Tick tick, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _ticks.Add(tick);
        }

        CheckWaiters();
        return ValueTask.CompletedTask;
    }

    public void ReportConnection(bool connected, string? reason = null)
    {
        lock (_gate)
        {
            _reports.Add((connected, reason));
        }

        CheckWaiters();
    }

    /// <summary>Completes when the condition holds; fails the test after a generous timeout instead of hanging.</summary>
    public Task WaitUntilAsync(Func<RecordingFeedSink, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        CheckWaiters();
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void CheckWaiters()
    {
        List<(Func<RecordingFeedSink, bool> Condition, TaskCompletionSource Done)> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters)
        {
            if (waiter.Condition(this))
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Done.TrySetResult();
            }
        }
    }
}
