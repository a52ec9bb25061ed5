using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution.Batches;

namespace KotakBlazor.Web.Placements;

/// <summary>What the confirmation shows before Execute: every order that will be sent, the risk checks' refusals and the margin.</summary>
/// <param name="Prepared">The placement as it would be stored, with its batch plan, pacing and estimated time (or why it cannot be placed).</param>
/// <param name="Refusals">Why the risk checks would refuse its orders now (empty: allowed).</param>
/// <param name="Margin">The broker's margin for all legs together (the sum of each leg's estimate), when it answered.</param>
/// <param name="MarginProblem">Why there is no margin estimate.</param>
public sealed record PlacementPreview(PreparedPlacement Prepared, IReadOnlyList<string> Refusals, MarginEstimate? Margin, string? MarginProblem)
{
    public bool IsAllowed => Prepared.IsValid && Refusals.Count == 0;

    /// <summary>Everything that stops Execute: the draft's problems, then the risk checks' refusals.</summary>
    public IReadOnlyList<string> Problems => [.. Prepared.Problems, .. Refusals];
}
