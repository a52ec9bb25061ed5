namespace KotakBlazor.Core.Execution.Batches;

/// <summary>A draft checked and planned, for the confirmation: exactly what Execute will send, or why it cannot.</summary>
/// <param name="Placement">The placement as it would be stored (status ready); null when there are problems.</param>
/// <param name="Plan">The batches.</param>
/// <param name="Pacing">The pacing and the estimated time.</param>
/// <param name="Problems">Why it cannot be placed.</param>
public sealed record PreparedPlacement(Placement? Placement, BatchPlan? Plan, PacingEstimate? Pacing, IReadOnlyList<string> Problems)
{
    /// <summary>True when it can be executed.</summary>
    public bool IsValid => Problems.Count == 0 && Placement is not null;
}
