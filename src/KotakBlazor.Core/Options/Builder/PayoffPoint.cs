namespace KotakBlazor.Core.Options.Builder;

/// <summary>The structure's profit or loss, in rupees, if the underlying stood at <paramref name="Spot"/>.</summary>
/// <param name="Spot">The underlying's price.</param>
/// <param name="AtExpiry">P&amp;L at expiry (intrinsic values).</param>
/// <param name="Today">P&amp;L now (Black-Scholes at each leg's implied volatility); null when no leg has a volatility.</param>
public readonly record struct PayoffPoint(decimal Spot, decimal AtExpiry, decimal? Today);
