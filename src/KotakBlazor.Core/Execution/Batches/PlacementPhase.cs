namespace KotakBlazor.Core.Execution.Batches;

/// <summary>Why an order of a placement exists.</summary>
public enum PlacementPhase
{
    /// <summary>Part of the plan the trader confirmed.</summary>
    Place,

    /// <summary>Reverses a filled order after the placement stopped and the trader chose to unwind.</summary>
    Unwind,
}
