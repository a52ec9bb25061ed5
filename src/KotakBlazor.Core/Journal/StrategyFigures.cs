namespace KotakBlazor.Core.Journal;

/// <summary>The figures of one strategy's round trips.</summary>
/// <param name="StrategyId">The strategy; null for trades no strategy placed.</param>
/// <param name="Figures">Its figures.</param>
public sealed record StrategyFigures(Guid? StrategyId, TradeFigures Figures);
