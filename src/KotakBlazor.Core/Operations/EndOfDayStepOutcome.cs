namespace KotakBlazor.Core.Operations;

/// <summary>What a step reports when it finishes.</summary>
/// <param name="Status">Succeeded, skipped or failed.</param>
/// <param name="Detail">What it did or why it failed, in plain words.</param>
public sealed record EndOfDayStepOutcome(EndOfDayStepStatus Status, string Detail)
{
    /// <summary>The step did its work.</summary>
    public static EndOfDayStepOutcome Done(string detail) => new(EndOfDayStepStatus.Succeeded, detail);

    /// <summary>The step had nothing to do.</summary>
    public static EndOfDayStepOutcome Skipped(string detail) => new(EndOfDayStepStatus.Skipped, detail);

    /// <summary>The step could not complete.</summary>
    public static EndOfDayStepOutcome Failed(string detail) => new(EndOfDayStepStatus.Failed, detail);
}
