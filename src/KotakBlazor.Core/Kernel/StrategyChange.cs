using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Kernel;

/// <summary>A strategy was added, changed, removed, or stopped by an error.</summary>
/// <param name="Status">Its status after the change.</param>
/// <param name="Removed">It is gone.</param>
/// <param name="Fault">The exception that stopped it, if any.</param>
public sealed record StrategyChange(StrategyStatus Status, bool Removed, Exception? Fault);
