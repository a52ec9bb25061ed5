using System.Diagnostics;

namespace KotakBlazor.Benchmarks;

/// <summary>Latencies of one step of the order path, recorded from any thread.</summary>
internal sealed class Probe(string name)
{
    private readonly Lock _sync = new();
    private LatencySample _sample = new(1 << 14);

    public string Name { get; } = name;

    public bool Enabled { get; set; }

    public async Task<T> TimeAsync<T>(Func<Task<T>> step)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await step().ConfigureAwait(false);
        Record(Stopwatch.GetTimestamp() - start);
        return result;
    }

    public async Task TimeAsync(Func<Task> step)
    {
        var start = Stopwatch.GetTimestamp();
        await step().ConfigureAwait(false);
        Record(Stopwatch.GetTimestamp() - start);
    }

    /// <summary>What was recorded since the last reset, and a fresh start.</summary>
    public LatencySample.Summary TakeSummary()
    {
        lock (_sync)
        {
            var summary = _sample.Summarise();
            _sample = new LatencySample(1 << 14);
            return summary;
        }
    }

    private void Record(long elapsed)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_sync)
        {
            _sample.Add(elapsed);
        }
    }
}
