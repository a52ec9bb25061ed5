namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>What a fake server saw, in order; a test awaits a condition on it instead of sleeping.</summary>
internal sealed class EventLog<T>
{
    /// <summary>Long enough never to fail a healthy test, short enough that a broken one fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_items))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        done.ForEach(static d => d.TrySetResult());
    }

    /// <summary>Completes when the condition holds on everything seen so far.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<T>, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_items))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(Patience);
    }

    /// <summary>Completes with item number <paramref name="count"/> (1-based) once it has arrived.</summary>
    public async Task<T> WaitForAsync(int count)
    {
        await WaitUntilAsync(items => items.Count >= count);
        return Items[count - 1];
    }

    /// <summary>Completes with the first item after the ones already seen that matches.</summary>
    public async Task<T> WaitForNextAsync(Func<T, bool> match, int after)
    {
        await WaitUntilAsync(items => items.Skip(after).Any(match));
        return Items.Skip(after).First(match);
    }
}
