using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Operations;

/// <summary>
/// The end-of-day cleanup in the real app on the paper broker: only an admin may start it (checked
/// on the server, refusals audited); an admin's run goes through the six steps, stores the day's
/// figures, sends the summary, writes a backup into the data folder, and is kept in the history.
/// </summary>
public sealed class EndOfDayRunnerTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private LoopbackApp _app = null!;

    private EndOfDayRunner Runner => _app.Services.GetRequiredService<EndOfDayRunner>();

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Operations:EndOfDayTime"] = "" });
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
    public async Task Only_an_admin_may_run_the_cleanup_and_a_refusal_runs_nothing_but_is_audited(string role)
    {
        var result = await Runner.RunNowAsync(new ActingUser("someone", role), _timeout.Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Only an admin may run the end-of-day cleanup.", result.Message);
        Assert.Null(Runner.Current);
        Assert.Empty(await Runner.LoadHistoryAsync(10, _timeout.Token));
        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(20, _timeout.Token);
        Assert.Contains(audit, a => a.Actor == "someone" && a.Action == "operations.end-of-day-refused");
        Assert.DoesNotContain(audit, a => a.Action == "operations.end-of-day");
    }

    [Fact]
    public async Task An_admins_run_completes_six_steps_stores_the_days_figures_sends_the_summary_and_backs_up_the_database()
    {
        var (entry, exit) = await PaperTrading.RoundTripAsync(_app, PaperTrading.Admin, PaperTrading.Reliance, 2, _timeout.Token);
        using var progress = Runner.Progress.Subscribe(256);

        var started = await Runner.RunNowAsync(PaperTrading.Admin, _timeout.Token);
        var run = (await Runner.LastRun.WaitAsync(_timeout.Token))!;

        Assert.True(started.Succeeded, started.Message);
        Assert.Equal("Completed", run.Outcome);
        Assert.Equal([1, 2, 3, 4, 5, 6], run.Steps.Select(s => s.Number));
        Assert.All(run.Steps, s => Assert.Contains(s.Status, new[] { EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Skipped }));
        Assert.Equal(EndOfDayTrigger.OnDemand, run.Trigger);
        Assert.Equal("admin", run.StartedBy);
        // Progress was published step by step: every step was seen running before it finished.
        var seen = new List<EndOfDayRun>();
        while (progress.Reader.TryRead(out var change))
        {
            seen.Add(change);
        }

        Assert.All(run.Steps, s => Assert.Contains(seen, r => r.Steps[s.Number - 1].Status == EndOfDayStepStatus.Running));

        // Step 4: the round trip is in the day's figures, with the P&L the fills give.
        var day = IndianMarketTime.IstDate(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var figures = (await _app.Services.GetRequiredService<IDayStatisticsStore>().LoadAsync(day, _timeout.Token))!;
        Assert.Equal(1, figures.Statistics.RoundTrips);
        Assert.Equal((exit.AveragePrice!.Value - entry.AveragePrice!.Value) * 2, figures.Statistics.NetPnl);
        Assert.Equal(2, figures.Statistics.OrdersFilled);

        // Step 5: the summary is in the admin's centre, once.
        var inbox = await _app.Services.GetRequiredService<NotificationInbox>().LoadAsync("admin", 50, _timeout.Token);
        var summary = Assert.Single(inbox, i => i.Notification.Kind == NotificationKind.EndOfDaySummary);
        Assert.Equal(figures.SentSummary, summary.Notification.Body);

        // Step 6: an online backup of the day in the data folder.
        var backup = Path.Combine(_app.DataFolder, "backups", $"kotakblazor-{day:yyyy-MM-dd}.db");
        Assert.True(File.Exists(backup), $"No backup at {backup}: {run.Steps[5].Detail}");

        var history = await Runner.LoadHistoryAsync(10, _timeout.Token);
        Assert.Equal(run.Id, Assert.Single(history).Id);
        Assert.Equal(run.Steps.Select(s => (s.Status, s.Detail)), history[0].Steps.Select(s => (s.Status, s.Detail)));
        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(20, _timeout.Token);
        Assert.Single(audit, a => a.Actor == "admin" && a.Action == "operations.end-of-day");
    }
}
