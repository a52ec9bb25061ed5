using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Replay;

/// <summary>What a replay produced.</summary>
/// <param name="Signals">Every signal, in the order the strategies raised them.</param>
/// <param name="Strategies">Each strategy's status at the end: a strategy that threw shows its error here.</param>
/// <param name="Stats">Counts and times.</param>
public sealed record ReplayResult(IReadOnlyList<Signal> Signals, IReadOnlyList<StrategyStatus> Strategies, ReplayStats Stats);
