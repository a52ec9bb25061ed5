using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData;

public sealed class MarketStateTests
{
    private readonly MarketState _state = new();

    [Fact]
    public void Keeps_the_latest_tick_per_instrument()
    {
        Assert.False(_state.TryGetLatest(Nifty, out _));

        _state.Update(At(Ist(9, 15, 1), 100m));
        _state.Update(At(Ist(9, 15, 1), 2500m, instrument: Reliance));
        _state.Update(At(Ist(9, 15, 2), 101m));

        Assert.True(_state.TryGetLatest(Nifty, out var nifty));
        Assert.Equal(101m, nifty.LastPrice);
        Assert.True(_state.TryGetLatest(Reliance, out var reliance));
        Assert.Equal(2500m, reliance.LastPrice);
        Assert.Equal(2, _state.Count);
        Assert.Equal([101m, 2500m], _state.Snapshot().Select(t => t.LastPrice).Order());
    }

    [Fact]
    public async Task Readers_never_see_half_written_ticks()
    {
        // Every tick written has LastPrice == Volume == Sequence; a torn read would break that.
        _state.Update(Consistent(1));
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            long reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                Assert.True(_state.TryGetLatest(Nifty, out var tick));
                Assert.Equal(tick.Sequence, tick.Volume);
                Assert.Equal(tick.Sequence, (long)tick.LastPrice);
                reads++;
            }

            return reads;
        });

        for (var i = 2; i <= 500_000; i++)
        {
            _state.Update(Consistent(i));
        }

        await done.CancelAsync();
        Assert.True(await reader > 0);
    }

    [Fact]
    public void Updating_known_instruments_allocates_nothing()
    {
        var ids = Enumerable.Range(1, 100).Select(t => new InstrumentId(ExchangeSegment.NseFo, t)).ToArray();
        foreach (var id in ids)
        {
            _state.Update(At(Ist(9, 15), 100m, instrument: id));
        }

        var tick = At(Ist(9, 15, 1), 101m);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _state.Update(tick with { Instrument = ids[i % ids.Length] });
            _state.TryGetLatest(ids[i % ids.Length], out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static Tick Consistent(long n) => At(Ist(9, 15), n, volume: n) with { Sequence = n };
}
