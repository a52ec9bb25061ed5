using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// The idempotency key of each order of a placement, derived (never random) from the placement id,
/// the phase and round, the batch, the leg and the slice: the same order always has the same key,
/// so the order desk's unique key refuses to place it a second time after a double click, in a
/// second tab, or when a placement resumes after a restart.
/// </summary>
public static class PlacementKeys
{
    /// <summary>The key of one planned or unwinding order.</summary>
    public static string For(Guid placementId, PlacementPhase phase, int round, int batch, int legIndex, int slice) => phase == PlacementPhase.Place
        ? Invariant($"pl:{placementId:N}:b{batch}:l{legIndex}:s{slice}")
        : Invariant($"pl:{placementId:N}:u{round}:b{batch}:l{legIndex}:s{slice}");

    /// <summary>The links for a plan (or an unwind round), not yet sent.</summary>
    public static IReadOnlyList<PlacementOrder> Links(Guid placementId, BatchPlan plan, IReadOnlyList<PlacementLeg> legs, PlacementPhase phase, int round)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(legs);
        var sides = legs.ToDictionary(l => l.Index, l => l.Side);
        return [.. plan.Batches.SelectMany(b => b.Orders).Select(o => new PlacementOrder(phase, round, o.Batch, o.LegIndex, o.Slice, sides[o.LegIndex], o.Quantity,
            For(placementId, phase, round, o.Batch, o.LegIndex, o.Slice)))];
    }
}
