using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Signals;

/// <summary>
/// A strategy's call to trade. Multi-leg strategies put every leg in one signal so the legs
/// are executed, confirmed and unwound together.
/// </summary>
/// <param name="StrategyId">The strategy instance that fired.</param>
/// <param name="StrategyName">Its name as the user gave it.</param>
/// <param name="StrategyKey">Which kind of strategy (e.g. <c>ema-crossover</c>).</param>
/// <param name="Time">The exchange time of the tick or bar that fired it: replay gives the same time as live.</param>
/// <param name="Kind">Entry or exit.</param>
/// <param name="Legs">The orders, hedges first where there are any.</param>
/// <param name="Product">NRML, MIS or CNC.</param>
/// <param name="StopLoss">Where the idea is wrong (for a multi-leg signal: on the combined premium).</param>
/// <param name="Target">Where to take profit (same convention as the stop-loss).</param>
/// <param name="Confidence">0..1, how strongly the conditions hold.</param>
/// <param name="Reason">Why, in words a trader reads.</param>
/// <param name="Metadata">Strategy-specific values (indicator readings, strikes, premium...).</param>
public sealed record Signal(
    Guid StrategyId,
    string StrategyName,
    string StrategyKey,
    DateTimeOffset Time,
    SignalKind Kind,
    IReadOnlyList<SignalLeg> Legs,
    ProductType Product,
    decimal? StopLoss,
    decimal? Target,
    decimal Confidence,
    string Reason,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>A line for logs and notifications.</summary>
    public string Summary => $"{StrategyName} {Kind}: " + string.Join(", ", Legs.Select(l => $"{l.Side} {l.Quantity} {l.TradingSymbol}"));
}
