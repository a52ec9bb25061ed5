using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Risk;
using KotakBlazor.Infrastructure.Tests.Persistence;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Tests.Risk;

public sealed class RiskStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 12, 4, 6, 10, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_installation_has_the_default_limits_and_an_armed_switch()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new RiskStore(db.ContextFactory, new ManualClock(At));

        Assert.Same(RiskLimits.Default, await store.LoadLimitsAsync(None));
        Assert.Same(KillSwitchState.Armed, await store.LoadKillSwitchAsync(None));
        Assert.Empty(await store.LoadKillSwitchHistoryAsync(10, None));
    }

    [Fact]
    public async Task Limits_saved_by_an_admin_survive_reopening_the_database()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var clock = new ManualClock(At);
        var tight = RiskLimits.Default with { MaxLotsPerOrder = 4, MaxDailyLoss = 12_345.67m, PriceBandPercent = 2.5m, SquareOffOnKillSwitch = true };
        await new RiskStore(db.ContextFactory, clock).SaveLimitsAsync(RiskLimits.Default with { MaxLotsPerOrder = 9 }, "admin", None);
        clock.Advance(TimeSpan.FromMinutes(5));
        await new RiskStore(db.ContextFactory, clock).SaveLimitsAsync(tight, "risk-officer", None);

        var reopened = ReopenedDatabase.Of(db.Options);
        var loaded = await new RiskStore(reopened, clock).LoadLimitsAsync(None);

        Assert.Equal(tight, loaded);
        await using var context = await reopened.CreateDbContextAsync();
        var row = await context.RiskLimits.SingleAsync();
        Assert.Equal("risk-officer", row.ChangedBy);
        Assert.Equal(At.AddMinutes(5), row.ChangedAt);
    }

    [Fact]
    public async Task A_limit_missing_from_an_older_row_reads_its_default()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await using (var connection = new SqliteConnection(db.Options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO risk_limits (Id, LimitsJson, ChangedBy, ChangedAt) VALUES (1, '{\"maxLotsPerOrder\":7,\"maxDailyLoss\":25000.50}', 'admin', 0);";
            await insert.ExecuteNonQueryAsync();
        }

        var limits = await new RiskStore(db.ContextFactory, new ManualClock(At)).LoadLimitsAsync(None);

        Assert.Equal(7, limits.MaxLotsPerOrder);
        Assert.Equal(25_000.50m, limits.MaxDailyLoss);
        Assert.Equal(RiskLimits.Default.MaxOrdersPerSecond, limits.MaxOrdersPerSecond);
        Assert.Equal(RiskLimits.Default.AllowAfterMarketOrders, limits.AllowAfterMarketOrders);
    }

    [Fact]
    public async Task A_tripped_kill_switch_stays_tripped_across_a_restart()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new RiskStore(db.ContextFactory, new ManualClock(At));
        await store.SaveKillSwitchAsync(new KillSwitchChange(At, true, "Daily loss 50,412.35 reached the 50,000 limit", "risk", Automatic: true), None);

        var afterRestart = new RiskStore(ReopenedDatabase.Of(db.Options), new ManualClock(At.AddHours(3)));
        var state = await afterRestart.LoadKillSwitchAsync(None);

        Assert.Equal(new KillSwitchState(true, "Daily loss 50,412.35 reached the 50,000 limit", "risk", At, Automatic: true), state);
    }

    [Fact]
    public async Task A_reset_arms_the_switch_and_the_history_lists_newest_first()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new RiskStore(db.ContextFactory, new ManualClock(At));
        var trip = new KillSwitchChange(At, true, "feed looks wrong", "admin", false);
        var reset = new KillSwitchChange(At.AddMinutes(20), false, "feed back", "admin", false);
        var autoTrip = new KillSwitchChange(At.AddHours(2), true, "daily loss", "risk", true);
        var finalReset = new KillSwitchChange(At.AddHours(3), false, "reviewed with desk head", "admin", false);
        foreach (var change in new[] { trip, reset, autoTrip, finalReset })
        {
            await store.SaveKillSwitchAsync(change, None);
        }

        var history = await store.LoadKillSwitchHistoryAsync(10, None);
        var latestTwo = await store.LoadKillSwitchHistoryAsync(2, None);

        Assert.Equal([finalReset, autoTrip, reset, trip], history);
        Assert.Equal([finalReset, autoTrip], latestTwo);
        Assert.Equal(new KillSwitchState(false, "reviewed with desk head", "admin", At.AddHours(3)), await store.LoadKillSwitchAsync(None));
    }

    [Fact]
    public async Task Changes_racing_each_other_leave_the_state_equal_to_the_newest_history_entry()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new RiskStore(db.ContextFactory, new ManualClock(At));
        // The same instant for all, so only the order they were stored in tells them apart.
        var changes = Enumerable.Range(0, 16).Select(i => new KillSwitchChange(At, i % 2 == 0, $"change {i}", $"admin{i}", false)).ToList();

        await Task.WhenAll(changes.Select(change => Task.Run(() => store.SaveKillSwitchAsync(change, None))));

        var history = await store.LoadKillSwitchHistoryAsync(100, None);
        var state = await store.LoadKillSwitchAsync(None);
        Assert.Equal(16, history.Count);
        Assert.Equal(changes.Select(c => c.Reason).Order(), history.Select(c => c.Reason).Order());
        Assert.Equal((history[0].Tripped, history[0].Reason, history[0].Actor), (state.IsTripped, state.Reason, state.ChangedBy));
    }
}
