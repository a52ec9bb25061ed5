namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>The position a directional strategy believes it holds, from its own signals only.</summary>
internal enum StrategyPosition
{
    /// <summary>Nothing held.</summary>
    Flat,

    /// <summary>Bought.</summary>
    Long,

    /// <summary>Sold short.</summary>
    Short,
}
