namespace KotakBlazor.Core.Operations;

/// <summary>One step as a run shows and stores it.</summary>
/// <param name="Number">Its place, 1 to 6.</param>
/// <param name="Name">What it does.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Detail">What it did or why it failed; empty until it finishes.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record EndOfDayStepResult(
    int Number,
    string Name,
    EndOfDayStepStatus Status,
    string Detail,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
