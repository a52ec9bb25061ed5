using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Core.Tests.MarketData;

/// <summary>A feed whose every run is a script written by the test; the run number starts at 1.</summary>
internal sealed class ScriptedFeed(string name, Func<IFeedSink, int, CancellationToken, Task> script) : IMarketDataFeed
{
    private int _runs;

    public string Name { get; } = name;

    public int Runs => Volatile.Read(ref _runs);

    public Task RunAsync(IFeedSink sink, CancellationToken cancellationToken) =>
        script(sink, Interlocked.Increment(ref _runs), cancellationToken);
}
