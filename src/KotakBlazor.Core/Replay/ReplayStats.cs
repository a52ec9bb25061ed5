namespace KotakBlazor.Core.Replay;

/// <summary>What a replay went through.</summary>
/// <param name="Ticks">Ticks the kernel handled (accepted by ingestion).</param>
/// <param name="DroppedTicks">Ticks ingestion dropped, as it would have live: repeats, late ticks, bad prices or quantities.</param>
/// <param name="Bars">Bars the kernel handled.</param>
/// <param name="Signals">Signals raised.</param>
/// <param name="From">Market time of the first input handled; null when none was.</param>
/// <param name="To">Market time of the last input handled (a bar's end for bars); null when none was.</param>
/// <param name="Elapsed">Wall-clock time the run took.</param>
public sealed record ReplayStats(long Ticks, long DroppedTicks, long Bars, int Signals, DateTimeOffset? From, DateTimeOffset? To, TimeSpan Elapsed);
