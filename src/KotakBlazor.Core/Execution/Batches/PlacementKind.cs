namespace KotakBlazor.Core.Execution.Batches;

/// <summary>What a placement does.</summary>
public enum PlacementKind
{
    /// <summary>Opens a position (a strangle, a condor...).</summary>
    Entry,

    /// <summary>Closes a position: every leg bought or sold back.</summary>
    Exit,

    /// <summary>Moves one leg of a position to another strike: the old leg closed, the new one opened.</summary>
    Roll,
}
