using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Risk;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Risk;

/// <summary>
/// What the risk page relies on from the server: only an admin trips, resets or changes limits,
/// whatever a page shows; a refusal changes nothing and is audited; an admin's change is stored,
/// in force at once, and audited with old and new values.
/// </summary>
public sealed class RiskRoleTests : IAsyncLifetime
{
    private static readonly ActingUser Trader = new("trader1", UserRoles.Trader);
    private static readonly ActingUser Viewer = new("viewer1", UserRoles.Viewer);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private LoopbackApp _app = null!;

    private KillSwitchService KillSwitch => _app.Services.GetRequiredService<KillSwitchService>();

    private RiskSettingsService Settings => _app.Services.GetRequiredService<RiskSettingsService>();

    private IRiskStore Store => _app.Services.GetRequiredService<IRiskStore>();

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(UserRoles.Trader)]
    [InlineData(UserRoles.Viewer)]
    public async Task Only_an_admin_may_trip_the_kill_switch_and_a_refused_trip_changes_nothing_but_the_audit(string role)
    {
        var user = role == UserRoles.Trader ? Trader : Viewer;

        var result = await KillSwitch.TripAsync(user, "I think the market is crazy", _timeout.Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Only an admin may trip the kill switch.", result.Message);
        Assert.False(KillSwitch.State.IsTripped);
        Assert.False(_app.Services.GetRequiredService<TradingKernel>().Core.KillSwitch.IsTripped);
        Assert.False((await Store.LoadKillSwitchAsync(_timeout.Token)).IsTripped);
        Assert.Empty(await Store.LoadKillSwitchHistoryAsync(10, _timeout.Token));
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Actor == user.UserName && a.Action == "kill-switch.trip-refused");
        Assert.DoesNotContain(audit, a => a.Action == "kill-switch.trip");
    }

    [Theory]
    [InlineData(UserRoles.Trader)]
    [InlineData(UserRoles.Viewer)]
    public async Task Only_an_admin_may_reset_a_tripped_kill_switch(string role)
    {
        var user = role == UserRoles.Trader ? Trader : Viewer;
        Assert.True((await KillSwitch.TripAsync(PaperTrading.Admin, "broker outage", _timeout.Token)).Succeeded);

        var result = await KillSwitch.ResetAsync(user, "looks fine to me", _timeout.Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Only an admin may reset the kill switch.", result.Message);
        Assert.True(KillSwitch.State.IsTripped);
        Assert.Equal("broker outage", KillSwitch.State.Reason);
        var stored = await Store.LoadKillSwitchAsync(_timeout.Token);
        Assert.True(stored.IsTripped);
        Assert.Equal("admin", stored.ChangedBy);
        var history = await Store.LoadKillSwitchHistoryAsync(10, _timeout.Token);
        Assert.True(Assert.Single(history).Tripped);
        Assert.Contains(await AuditAsync(), a => a.Actor == user.UserName && a.Action == "kill-switch.reset-refused");
    }

    [Theory]
    [InlineData(UserRoles.Trader)]
    [InlineData(UserRoles.Viewer)]
    public async Task Only_an_admin_may_change_the_risk_limits(string role)
    {
        var user = role == UserRoles.Trader ? Trader : Viewer;
        var before = Settings.Limits;

        var result = await Settings.SaveAsync(user, before with { MaxDailyLoss = 1m }, before, _timeout.Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Only an admin may change the risk limits.", result.Message);
        Assert.Equal(50_000m, Settings.Limits.MaxDailyLoss);
        Assert.Equal(50_000m, _app.Services.GetRequiredService<TradingKernel>().Core.Risk.Limits.MaxDailyLoss);
        Assert.Equal(50_000m, (await Store.LoadLimitsAsync(_timeout.Token)).MaxDailyLoss);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Actor == user.UserName && a.Action == "risk.limits-refused");
        Assert.DoesNotContain(audit, a => a.Action == "risk.limits");
    }

    [Fact]
    public async Task An_admins_new_limits_are_stored_in_force_at_once_and_audited_with_old_and_new_values()
    {
        var before = Settings.Limits;
        var edited = before with { MaxDailyLoss = 25_000m, MaxOpenPositions = 5, SquareOffOnKillSwitch = true };

        var result = await Settings.SaveAsync(PaperTrading.Admin, edited, before, _timeout.Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(edited, (await Store.LoadLimitsAsync(_timeout.Token)));
        var kernel = _app.Services.GetRequiredService<TradingKernel>();
        var inForce = await kernel.InvokeAsync(core => core.Risk.Limits, _timeout.Token);
        Assert.Equal(edited, inForce);
        // The summary the risk page shows reads the same limits.
        var summary = await kernel.InvokeAsync(core => core.Risk.Summary(DateTimeOffset.UtcNow), _timeout.Token);
        Assert.Equal(25_000m, summary.MaxDailyLoss);
        Assert.Equal(5, summary.MaxOpenPositions);
        var entry = Assert.Single(await AuditAsync(), a => a.Action == "risk.limits");
        Assert.Equal("admin", entry.Actor);
        Assert.Equal(
            "Max daily loss: \u20b950,000.00 -> \u20b925,000.00; Max open positions: 20 -> 5; Square off on kill switch: no -> yes",
            entry.Details);
    }

    [Fact]
    public async Task Negative_limits_and_an_edit_of_limits_someone_else_changed_meanwhile_are_refused_and_change_nothing()
    {
        var before = Settings.Limits;

        var negative = await Settings.SaveAsync(PaperTrading.Admin, before with { MaxDailyLoss = -1m, MaxOrdersPerDay = -5 }, before, _timeout.Token);
        Assert.True((await Settings.SaveAsync(new ActingUser("admin2", UserRoles.Admin), before with { MaxLotsPerOrder = 10 }, before, _timeout.Token)).Succeeded);
        var stale = await Settings.SaveAsync(PaperTrading.Admin, before with { MaxDailyLoss = 10_000m }, before, _timeout.Token);

        Assert.False(negative.Succeeded);
        Assert.Equal("Max daily loss cannot be negative (0 turns it off). Max orders per day cannot be negative (0 turns it off).", negative.Message);
        Assert.False(stale.Succeeded);
        Assert.Contains("Someone changed the risk limits", stale.Message, StringComparison.Ordinal);
        var stored = await Store.LoadLimitsAsync(_timeout.Token);
        Assert.Equal(before with { MaxLotsPerOrder = 10 }, stored);
        Assert.Equal(stored, Settings.Limits);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        await _app.Services.GetRequiredService<AuditLog>().RecentAsync(100, _timeout.Token);
}
