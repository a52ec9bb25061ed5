namespace KotakBlazor.Core.Operations;

/// <summary>Where a step of a run stands.</summary>
public enum EndOfDayStepStatus
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Done.</summary>
    Succeeded,

    /// <summary>Nothing to do (already done today, or nothing applies); not an error.</summary>
    Skipped,

    /// <summary>Did not complete; the detail says why. The other steps still ran.</summary>
    Failed,
}
