namespace KotakBlazor.Core.Execution.Batches;

/// <summary>How a placement is split: batches of at most the configured lots per leg, each leg's share sliced within the freeze quantity.</summary>
/// <param name="Batches">The batches, in the order they are sent.</param>
/// <param name="MaxLotsPerBatch">The most lots of any one leg in a batch.</param>
public sealed record BatchPlan(IReadOnlyList<PlannedBatch> Batches, int MaxLotsPerBatch)
{
    /// <summary>How many batches.</summary>
    public int BatchCount => Batches.Count;

    /// <summary>How many broker orders in all.</summary>
    public int OrderCount => Batches.Sum(b => b.Orders.Count);
}
