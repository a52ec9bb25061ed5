using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies;

/// <summary>A strategy as a user configured it: stored, so a restart resumes it.</summary>
/// <param name="Id">Stable identity.</param>
/// <param name="Key">The catalogue key of its kind.</param>
/// <param name="Name">The user's name for it.</param>
/// <param name="Instruments">What it watches and trades (for option strategies: the underlying).</param>
/// <param name="Timeframe">Its bar length.</param>
/// <param name="Lots">Quantity per order, in lots.</param>
/// <param name="Product">NRML, MIS or CNC.</param>
/// <param name="Parameters">Its own parameters in invariant text; missing ones take their defaults.</param>
/// <param name="Enabled">Whether it runs.</param>
/// <param name="AutoExecute">Whether its signals are placed as orders at once (through the same risk checks); otherwise a person confirms each one.</param>
public sealed record StrategyConfig(
    Guid Id,
    string Key,
    string Name,
    IReadOnlyList<InstrumentId> Instruments,
    Timeframe Timeframe,
    int Lots,
    ProductType Product,
    IReadOnlyDictionary<string, string> Parameters,
    bool Enabled,
    bool AutoExecute = false);
