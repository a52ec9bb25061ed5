using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Strategies;

/// <summary>A kind of strategy in the catalogue: what it does, what it takes, and how to make one.</summary>
/// <param name="Key">A stable key stored in configurations (e.g. <c>ema-crossover</c>).</param>
/// <param name="Name">Its name for people.</param>
/// <param name="Description">What it does, in plain language.</param>
/// <param name="Instruments">What it trades.</param>
/// <param name="DefaultTimeframe">The bar length it uses unless configured otherwise.</param>
/// <param name="Parameters">Its own parameters, with ranges and defaults.</param>
/// <param name="Create">Makes a running instance from validated settings.</param>
public sealed record StrategyDefinition(
    string Key,
    string Name,
    string Description,
    StrategyInstruments Instruments,
    Timeframe DefaultTimeframe,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<StrategySettings, Strategy> Create)
{
    /// <summary>The default value of every parameter.</summary>
    public IReadOnlyDictionary<string, string> Defaults => Parameters.ToDictionary(p => p.Name, p => p.DefaultValue, StringComparer.Ordinal);
}
