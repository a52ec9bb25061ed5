namespace KotakBlazor.Core.Positions;

/// <summary>One strategy's share of the day: its positions and their P&amp;L.</summary>
/// <param name="StrategyId">The strategy; null for trades no strategy placed (the ticket, adopted manual quantities).</param>
/// <param name="RealizedPnl">P&amp;L locked in by closed quantity.</param>
/// <param name="UnrealizedPnl">P&amp;L of open quantity at the last prices.</param>
/// <param name="Exposure">The sum of its positions' |net| x LTP x multiplier.</param>
/// <param name="OpenPositionCount">How many of its positions hold quantity.</param>
/// <param name="Positions">Its positions, open and closed today, in the order they were first traded.</param>
public sealed record StrategyPnl(
    Guid? StrategyId,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Exposure,
    int OpenPositionCount,
    IReadOnlyList<Position> Positions)
{
    /// <summary>Realized + unrealized.</summary>
    public decimal Pnl => RealizedPnl + UnrealizedPnl;
}
