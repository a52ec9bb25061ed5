using KotakBlazor.Core.Strategies.BuiltIn;

namespace KotakBlazor.Core.Strategies;

/// <summary>The strategies this build ships, in the order the catalogue shows them.</summary>
public static class BuiltInStrategies
{
    /// <summary>Every built-in strategy definition.</summary>
    public static IReadOnlyList<StrategyDefinition> All { get; } =
    [
        EmaCrossoverStrategy.Definition,
        RsiStrategy.Definition,
        VwapBreakoutStrategy.Definition,
        MeanReversionStrategy.Definition,
        ShortStraddleStrategy.Definition,
        IronCondorStrategy.Definition,
        BullCallSpreadStrategy.Definition,
        BearPutSpreadStrategy.Definition,
    ];
}
