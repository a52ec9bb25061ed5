using KotakBlazor.Core.Operations;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>The runner: steps in order, progress stored and published, a failing or throwing step reported while the rest still run, one run at a time.</summary>
public sealed class EndOfDayCleanupTests
{
    private static readonly DateOnly Day = new(2026, 12, 4);
    private readonly KotakBlazor.Core.Time.ManualClock _clock = new(new DateTimeOffset(2026, 12, 4, 10, 15, 0, TimeSpan.Zero));
    private readonly MemoryRunStore _runs = new();
    private readonly List<int> _ran = [];

    [Fact]
    public async Task Every_step_runs_in_order_and_the_run_is_stored_and_published_as_each_step_starts_and_finishes()
    {
        var cleanup = Cleanup(Step(2, "second"), Step(1, "first"));
        using var progress = cleanup.Progress.Subscribe(64);

        var run = (await cleanup.TryRunAsync(Day, EndOfDayTrigger.OnDemand, "admin", CancellationToken.None))!;

        Assert.Equal([1, 2], _ran);
        Assert.Equal("Completed", run.Outcome);
        Assert.Equal(_clock.GetUtcNow(), run.FinishedAt);
        Assert.Equal([("first", EndOfDayStepStatus.Succeeded, "did 1"), ("second", EndOfDayStepStatus.Succeeded, "did 2")],
            run.Steps.Select(s => (s.Name, s.Status, s.Detail)));
        // Start, then for each step: running and finished, then the end.
        var statuses = _runs.Saves.Select(r => string.Join(",", r.Steps.Select(s => s.Status))).ToList();
        Assert.Equal(["Pending,Pending", "Running,Pending", "Succeeded,Pending", "Succeeded,Running", "Succeeded,Succeeded", "Succeeded,Succeeded"], statuses);
        Assert.Null(_runs.Saves[^2].FinishedAt);
        Assert.Equal(6, progress.Reader.Count);
        Assert.Null(cleanup.Current);
    }

    [Fact]
    public async Task A_step_that_fails_or_throws_is_recorded_with_its_reason_and_the_steps_after_it_still_run()
    {
        var cleanup = Cleanup(
            Step(1, "reports failure", () => EndOfDayStepOutcome.Failed("The broker's order book could not be read")),
            Step(2, "throws", () => throw new InvalidOperationException("database locked")),
            Step(3, "fine"));

        var run = (await cleanup.TryRunAsync(Day, EndOfDayTrigger.Scheduled, "system", CancellationToken.None))!;

        Assert.Equal([1, 2, 3], _ran);
        Assert.Equal("Failed", run.Outcome);
        Assert.Equal(2, run.FailedSteps);
        Assert.Equal(
            [(EndOfDayStepStatus.Failed, "The broker's order book could not be read"), (EndOfDayStepStatus.Failed, "database locked"), (EndOfDayStepStatus.Succeeded, "did 3")],
            run.Steps.Select(s => (s.Status, s.Detail)));
        Assert.Equal(run, _runs.Saves[^1]);
    }

    [Fact]
    public async Task A_second_run_asked_for_while_one_is_running_does_nothing_and_says_so()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cleanup = Cleanup(new BlockingStep(release.Task));

        var first = cleanup.TryRunAsync(Day, EndOfDayTrigger.OnDemand, "admin", CancellationToken.None);
        Assert.NotNull(cleanup.Current);
        var second = await cleanup.TryRunAsync(Day, EndOfDayTrigger.Scheduled, "system", CancellationToken.None);

        Assert.Null(second);
        Assert.Equal("admin", cleanup.Current!.StartedBy);
        release.SetResult();
        Assert.Equal("Completed", (await first)!.Outcome);
        Assert.Single(_runs.Saves.Select(r => r.Id).Distinct());
        Assert.NotNull(await cleanup.TryRunAsync(Day, EndOfDayTrigger.Scheduled, "system", CancellationToken.None));
    }

    [Fact]
    public async Task A_history_that_cannot_be_stored_does_not_stop_the_cleanup()
    {
        _runs.Broken = true;
        var cleanup = Cleanup(Step(1, "one"), Step(2, "two"));

        var run = (await cleanup.TryRunAsync(Day, EndOfDayTrigger.OnDemand, "admin", CancellationToken.None))!;

        Assert.Equal([1, 2], _ran);
        Assert.Equal("Completed", run.Outcome);
    }

    [Fact]
    public void Two_steps_with_one_number_are_a_wiring_mistake()
    {
        Assert.Throws<ArgumentException>(() => Cleanup(Step(1, "a"), Step(1, "b")));
    }

    private EndOfDayCleanup Cleanup(params IEndOfDayStep[] steps) => new(steps, _runs, _clock, new RecordingLogger<EndOfDayCleanup>());

    private FakeStep Step(int number, string name, Func<EndOfDayStepOutcome>? outcome = null) =>
        new(number, name, () =>
        {
            _ran.Add(number);
            return outcome?.Invoke() ?? EndOfDayStepOutcome.Done($"did {number}");
        });

    private sealed class FakeStep(int number, string name, Func<EndOfDayStepOutcome> run) : IEndOfDayStep
    {
        public int Number => number;

        public string Name => name;

        public Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken) => Task.FromResult(run());
    }

    private sealed class BlockingStep(Task release) : IEndOfDayStep
    {
        public int Number => 1;

        public string Name => "waits";

        public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
        {
            await release;
            return EndOfDayStepOutcome.Done("released");
        }
    }
}
