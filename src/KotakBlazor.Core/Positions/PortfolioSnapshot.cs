namespace KotakBlazor.Core.Positions;

/// <summary>The account's positions and P&amp;L at one moment, immutable, for screens, the hub and reports.</summary>
/// <param name="Version">Increases with every fill, mark or day roll that changed the book; equal versions mean equal contents.</param>
/// <param name="Time">When the snapshot was taken.</param>
/// <param name="TradingDay">The IST trading day the book counts P&amp;L for; null before the first day roll.</param>
/// <param name="Positions">The account's positions (by instrument and product), open and closed today, in the order first traded.</param>
/// <param name="Strategies">Each strategy's share, unattributed trades (null strategy) included, in the order first traded.</param>
/// <param name="RealizedPnl">The day's realized P&amp;L.</param>
/// <param name="UnrealizedPnl">The open positions' P&amp;L at the last prices.</param>
/// <param name="TotalExposure">The sum of the positions' |net| x LTP x multiplier.</param>
/// <param name="OpenPositionCount">How many positions hold quantity.</param>
public sealed record PortfolioSnapshot(
    long Version,
    DateTimeOffset Time,
    DateOnly? TradingDay,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<StrategyPnl> Strategies,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal TotalExposure,
    int OpenPositionCount)
{
    /// <summary>The day's P&amp;L: realized + unrealized.</summary>
    public decimal DayPnl => RealizedPnl + UnrealizedPnl;
}
