namespace KotakBlazor.Core.Execution.Batches;

/// <summary>One broker order in a batch plan.</summary>
/// <param name="Batch">The batch it belongs to, from 1.</param>
/// <param name="LegIndex">The leg it trades.</param>
/// <param name="Slice">Its number within the leg's share of the batch (0 unless the freeze quantity splits it).</param>
/// <param name="Quantity">Units.</param>
/// <param name="Lots">Lots.</param>
public sealed record PlannedOrder(int Batch, int LegIndex, int Slice, int Quantity, int Lots);
