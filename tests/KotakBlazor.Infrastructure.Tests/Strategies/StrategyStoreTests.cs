using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Strategies;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Strategies;

public sealed class StrategyStoreTests
{
    private static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);

    [Fact]
    public async Task A_saved_configuration_comes_back_whole_after_a_restart()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var config = new StrategyConfig(Guid.NewGuid(), "ema-crossover", "EMA on Reliance", [Reliance], Timeframe.FiveMinutes, 3, ProductType.Mis,
            new Dictionary<string, string> { ["fastPeriod"] = "9", ["slowPeriod"] = "21" }, Enabled: true);

        await new StrategyStore(db.ContextFactory, db.Time).SaveAsync(config, "admin", CancellationToken.None);
        var reloaded = Assert.Single(await new StrategyStore(db.ContextFactory, db.Time).ListAsync(CancellationToken.None));

        Assert.Equal(config.Id, reloaded.Id);
        Assert.Equal(config.Instruments, reloaded.Instruments);
        Assert.Equal(Timeframe.FiveMinutes, reloaded.Timeframe);
        Assert.Equal(ProductType.Mis, reloaded.Product);
        Assert.Equal(config.Parameters, reloaded.Parameters);
        Assert.True(reloaded.Enabled);
    }

    [Fact]
    public async Task Saving_again_updates_and_enable_and_delete_act_on_one_strategy()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new StrategyStore(db.ContextFactory, db.Time);
        var first = new StrategyConfig(Guid.NewGuid(), "rsi", "RSI", [Reliance], Timeframe.OneMinute, 1, ProductType.Mis, new Dictionary<string, string>(), true);
        var second = first with { Id = Guid.NewGuid(), Name = "RSI 2" };
        await store.SaveAsync(first, "admin", CancellationToken.None);
        await store.SaveAsync(second, "admin", CancellationToken.None);

        await store.SaveAsync(first with { Lots = 4 }, "admin", CancellationToken.None);
        await store.SetEnabledAsync(second.Id, false, CancellationToken.None);
        Assert.True(await store.DeleteAsync(first.Id, CancellationToken.None));

        var left = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal("RSI 2", left.Name);
        Assert.False(left.Enabled);
        Assert.False(await store.DeleteAsync(first.Id, CancellationToken.None));
    }
}
