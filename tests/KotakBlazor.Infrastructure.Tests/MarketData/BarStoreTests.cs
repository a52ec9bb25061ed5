using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Infrastructure.MarketData;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.MarketData;

public sealed class BarStoreTests
{
    private static readonly InstrumentId Nifty = new(ExchangeSegment.NseCm, 26000);
    private static readonly DateTimeOffset Open = new(2026, 11, 23, 3, 45, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stored_bars_come_back_oldest_first_and_a_rewritten_bar_replaces_the_old_one()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new BarStore(db.ContextFactory);
        var bars = Enumerable.Range(0, 10)
            .Select(m => new Bar(Nifty, Timeframe.OneMinute, Open.AddMinutes(m), 26000.05m + m, 26010.10m + m, 25990m + m, 26005.25m + m, 1000 + m, 12))
            .ToList();
        await store.AppendAsync(bars, CancellationToken.None);
        await store.AppendAsync([bars[9] with { Close = 1.23m }], CancellationToken.None);

        var recent = await store.RecentAsync(Nifty, Timeframe.OneMinute, 3, CancellationToken.None);

        Assert.Equal([Open.AddMinutes(7), Open.AddMinutes(8), Open.AddMinutes(9)], recent.Select(b => b.Start));
        Assert.Equal(bars[7], recent[0]);
        Assert.Equal(1.23m, recent[2].Close);
        Assert.Empty(await store.RecentAsync(Nifty, Timeframe.FiveMinutes, 3, CancellationToken.None));
    }

    [Fact]
    public async Task Pruning_deletes_only_older_bars()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new BarStore(db.ContextFactory);
        await store.AppendAsync([.. Enumerable.Range(0, 5).Select(d => new Bar(Nifty, Timeframe.OneMinute, Open.AddDays(-d), 1, 1, 1, 1, 1, 1))], CancellationToken.None);

        Assert.Equal(2, await store.PruneAsync(Open.AddDays(-2.5), CancellationToken.None));
        Assert.Equal(3, (await store.RecentAsync(Nifty, Timeframe.OneMinute, 10, CancellationToken.None)).Count);
    }
}
