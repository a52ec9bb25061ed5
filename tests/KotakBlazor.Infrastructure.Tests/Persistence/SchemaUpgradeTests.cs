using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.MarketData;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Risk;
using KotakBlazor.Infrastructure.Signals;
using KotakBlazor.Infrastructure.Strategies;
using KotakBlazor.Infrastructure.Tests.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Tests.Persistence;

public sealed class SchemaUpgradeTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 12, 3, 4, 0, 0, TimeSpan.Zero);
    private static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);

    [Fact]
    public async Task A_database_made_by_the_previous_schema_gains_the_order_tables_and_keeps_its_data()
    {
        await using var db = new TestDatabase();
        await using (var context = db.ContextFactory.CreateDbContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261122010000_StrategiesSignalsBars", None);
        }

        // A day of use on the previous version: a user, a strategy, its signal, a bar.
        await db.Users.CreateAsync("old-timer", "long-enough-pass", "Trader", "test", None);
        var strategy = new StrategyConfig(Guid.NewGuid(), "ema-crossover", "EMA on Reliance", [Reliance], Timeframe.FiveMinutes, 3, ProductType.Mis,
            new Dictionary<string, string> { ["fastPeriod"] = "9" }, Enabled: true);
        await using (var old = db.ContextFactory.CreateDbContext())
        {
            // Written as the previous version wrote it: today's store would name the columns that version did not have.
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO strategies (Id, Key, Name, InstrumentsJson, TimeframeMinutes, Lots, Product, ParametersJson, Enabled, CreatedBy, CreatedAt, UpdatedAt) "
                + "VALUES ({0}, {1}, {2}, {3}, 5, 3, 'Mis', {4}, 1, 'admin', {5}, {5})",
                [strategy.Id.ToString().ToUpperInvariant(), strategy.Key, strategy.Name, "[\"nse_cm|2885\"]", "{\"fastPeriod\":\"9\"}", At.UtcTicks], None);
        }

        var signal = new Signal(strategy.Id, strategy.Name, strategy.Key, At, SignalKind.Entry,
            [new SignalLeg(Reliance, "RELIANCE-EQ", OrderSide.Buy, 3, OrderType.Market, 1501.45m)],
            ProductType.Mis, 1490.05m, null, 0.6m, "EMA 9 crossed EMA 21", new Dictionary<string, string>());
        await new SignalStore(db.ContextFactory).AppendAsync([signal], None);
        var bar = new Bar(Reliance, Timeframe.FiveMinutes, At, 1500.05m, 1503.95m, 1499.10m, 1501.45m, 42_000, 310);
        await new BarStore(db.ContextFactory).AppendAsync([bar], None);

        await db.Initializer.InitializeAsync(None);

        await using (var upgraded = db.ContextFactory.CreateDbContext())
        {
            Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync(None));
            Assert.Equal("old-timer", (await upgraded.Users.SingleAsync(None)).UserName);
            Assert.Equal(0, await upgraded.Orders.CountAsync(None));
        }

        Assert.Equal(strategy, Assert.Single(await new StrategyStore(db.ContextFactory, db.Time).ListAsync(None)) with { Parameters = strategy.Parameters, Instruments = strategy.Instruments });
        Assert.False(Assert.Single(await new StrategyStore(db.ContextFactory, db.Time).ListAsync(None)).AutoExecute);
        var storedSignal = Assert.Single(await new SignalStore(db.ContextFactory).RecentAsync(5, null, None));
        Assert.Equal((signal.Reason, signal.StopLoss), (storedSignal.Reason, storedSignal.StopLoss));
        Assert.Equal([bar], await new BarStore(db.ContextFactory).RecentAsync(Reliance, Timeframe.FiveMinutes, 5, None));

        // The new tables work on the upgraded file.
        var orders = new OrderStore(db.ContextFactory);
        var order = OrderSamples.Pending("KB-UP-1", At) with { StrategyId = strategy.Id };
        await orders.InsertAsync(order, OrderSamples.Created(order), None);
        Assert.Equal(order, await orders.FindAsync(order.Id, None));
        var risk = new RiskStore(db.ContextFactory, db.Time);
        Assert.Same(KillSwitchState.Armed, await risk.LoadKillSwitchAsync(None));
    }
}
