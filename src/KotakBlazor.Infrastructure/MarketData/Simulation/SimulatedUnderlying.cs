using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>An index or stock whose price the simulated market walks, with the parameters of its walk.</summary>
/// <param name="Instrument">The index or equity.</param>
/// <param name="PreviousClose">The previous session's close: where the day starts from.</param>
/// <param name="AnnualVolatility">Total annual volatility of its log returns (0.24 for 24%).</param>
/// <param name="BetaToNifty">How strongly it follows NIFTY: its return is beta times NIFTY's plus its own noise. NIFTY itself has 1.</param>
public sealed record SimulatedUnderlying(
    Instrument Instrument,
    decimal PreviousClose,
    double AnnualVolatility,
    double BetaToNifty);
