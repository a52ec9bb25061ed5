namespace KotakBlazor.Core.Journal;

/// <summary>One point of the equity curve: cumulative P&amp;L after a round trip closed.</summary>
/// <param name="Time">When the round trip closed.</param>
/// <param name="CumulativePnl">The sum of P&amp;L of every round trip closed up to and including this one.</param>
/// <param name="RoundTripId">The round trip that closed.</param>
public sealed record EquityPoint(DateTimeOffset Time, decimal CumulativePnl, string RoundTripId);
