namespace KotakBlazor.Core.Operations;

/// <summary>What a step is run for.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="TradingDay">The IST trading day being closed.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Actor">Who started it: an admin's user name, or <c>system</c> for the scheduled run.</param>
public sealed record EndOfDayContext(Guid RunId, DateOnly TradingDay, DateTimeOffset StartedAt, string Actor);
