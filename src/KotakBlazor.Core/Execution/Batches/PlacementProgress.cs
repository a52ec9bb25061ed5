namespace KotakBlazor.Core.Execution.Batches;

/// <summary>One step of a placement, published after it is stored.</summary>
/// <param name="Placement">The placement as it stands after the step.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">What happened, in words a trader reads.</param>
/// <param name="Time">When.</param>
public sealed record PlacementProgress(Placement Placement, PlacementEventKind Kind, string Message, DateTimeOffset Time);
