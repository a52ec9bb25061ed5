namespace KotakBlazor.Core.Operations;

/// <summary>One end-of-day cleanup: when, why, by whom, and each step's result. Immutable: progress makes a new value.</summary>
/// <param name="Id">Identity.</param>
/// <param name="TradingDay">The IST day it closed.</param>
/// <param name="Trigger">Scheduled or on demand.</param>
/// <param name="StartedBy">An admin's user name, or <c>system</c>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When the last step finished; null while running (or when the process stopped mid-run).</param>
/// <param name="Steps">Every step, in order, whatever its state.</param>
public sealed record EndOfDayRun(
    Guid Id,
    DateOnly TradingDay,
    EndOfDayTrigger Trigger,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<EndOfDayStepResult> Steps)
{
    /// <summary>True once every step has finished.</summary>
    public bool IsFinished => FinishedAt is not null;

    /// <summary>How many steps failed.</summary>
    public int FailedSteps => Steps.Count(s => s.Status == EndOfDayStepStatus.Failed);

    /// <summary>How many steps have finished, whatever their result.</summary>
    public int FinishedSteps => Steps.Count(s => s.Status is EndOfDayStepStatus.Succeeded or EndOfDayStepStatus.Skipped or EndOfDayStepStatus.Failed);

    /// <summary>One word for the history: Running, Completed, or Failed (some step failed).</summary>
    public string Outcome => !IsFinished ? "Running" : FailedSteps == 0 ? "Completed" : "Failed";

    /// <summary>The run with one step replaced.</summary>
    public EndOfDayRun With(EndOfDayStepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return this with { Steps = [.. Steps.Select(s => s.Number == step.Number ? step : s)] };
    }
}
