using KotakBlazor.Core.Operations;
using KotakBlazor.Infrastructure.Operations;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Operations;

/// <summary>The run history and the day's statistics round-trip through SQLite.</summary>
public sealed class EndOfDayStoresTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2026, 12, 7);
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 15, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await new TestDatabase().InitializedAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_run_is_stored_as_it_progresses_and_loads_back_newest_first()
    {
        var store = new EndOfDayRunStore(_db.ContextFactory);
        var steps = Enumerable.Range(1, 6).Select(n => new EndOfDayStepResult(n, $"Step {n}", EndOfDayStepStatus.Pending, "", null, null)).ToList();
        var older = new EndOfDayRun(Guid.NewGuid(), Day.AddDays(-1), EndOfDayTrigger.Scheduled, "system", At.AddDays(-1), At.AddDays(-1).AddMinutes(1), steps);
        var run = new EndOfDayRun(Guid.NewGuid(), Day, EndOfDayTrigger.OnDemand, "admin", At, null, steps);
        await store.SaveAsync(older, None);
        await store.SaveAsync(run, None);

        var progressed = run.With(new EndOfDayStepResult(1, "Step 1", EndOfDayStepStatus.Failed, "Order book: unreachable", At, At.AddSeconds(2))) with { FinishedAt = At.AddSeconds(9) };
        await store.SaveAsync(progressed, None);

        var loaded = await store.LoadRecentAsync(10, None);
        Assert.Equal([run.Id, older.Id], loaded.Select(r => r.Id));
        Assert.Equal(progressed with { Steps = [] }, loaded[0] with { Steps = [] });
        Assert.Equal(progressed.Steps, loaded[0].Steps);
        Assert.Equal("Failed", loaded[0].Outcome);
    }

    [Fact]
    public async Task Saving_new_figures_for_a_day_keeps_the_record_of_what_was_sent()
    {
        var store = new DayStatisticsStore(_db.ContextFactory);
        var figures = new DayStatistics(Day, 4, 3, 1, 75m, 1234.50m, 1500m, -265.50m, 5.65m, 265.50m, 9, 7, 1, 1, At);
        await store.SaveAsync(figures, None);
        await store.MarkSummarySentAsync(Day, figures.SummaryBody, At.AddMinutes(1), None);

        var updated = figures with { RoundTrips = 5, ProfitFactor = null, ComputedAt = At.AddHours(1) };
        await store.SaveAsync(updated, None);

        var stored = (await store.LoadAsync(Day, None))!;
        Assert.Equal(updated, stored.Statistics);
        Assert.Equal(figures.SummaryBody, stored.SentSummary);
        Assert.Equal(At.AddMinutes(1), stored.SummarySentAt);
        Assert.Null(await store.LoadAsync(Day.AddDays(1), None));
        Assert.Equal([Day], (await store.LoadRecentAsync(5, None)).Select(s => s.Statistics.TradingDay));
    }
}
