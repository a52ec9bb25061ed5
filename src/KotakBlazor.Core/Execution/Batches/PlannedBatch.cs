namespace KotakBlazor.Core.Execution.Batches;

/// <summary>One batch of a plan: the orders sent together, in the order they go (bought legs before sold ones).</summary>
/// <param name="Number">The batch number, from 1.</param>
/// <param name="Orders">Its orders.</param>
public sealed record PlannedBatch(int Number, IReadOnlyList<PlannedOrder> Orders);
