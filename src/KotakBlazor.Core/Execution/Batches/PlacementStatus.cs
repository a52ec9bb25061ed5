namespace KotakBlazor.Core.Execution.Batches;

/// <summary>Where a placement stands.</summary>
public enum PlacementStatus
{
    /// <summary>Planned and stored; nothing sent yet.</summary>
    Ready,

    /// <summary>Batches are being sent.</summary>
    Running,

    /// <summary>Stopped part-way (a refusal, a rejection, no fill in time, the kill switch, a restart): waits for the trader to resume, unwind or keep.</summary>
    Stopped,

    /// <summary>Every order filled.</summary>
    Completed,

    /// <summary>Stopped, and the trader chose to keep what was placed.</summary>
    Kept,

    /// <summary>What was placed is being reversed.</summary>
    Unwinding,

    /// <summary>What was placed was reversed: nothing is held.</summary>
    Unwound,
}
