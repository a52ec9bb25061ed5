namespace KotakBlazor.Core.Strategies;

/// <summary>
/// The strategies that ship with the application: what the strategy page offers and what the
/// command-line backtest can run by key. Every entry needs a unique <see cref="StrategyDefinition.Key"/>.
/// </summary>
public static class BuiltInStrategies
{
    /// <summary>Every built-in definition, in the order screens list them.</summary>
    public static IReadOnlyList<StrategyDefinition> All { get; } = [];
}
