using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Options;

/// <summary>One side (CE or PE) of an option chain row: the market's numbers and the model's reading of them.</summary>
/// <param name="Instrument">The option contract.</param>
/// <param name="HasTicked">Whether any tick has arrived for the contract; when false every market figure is 0.</param>
/// <param name="LastPrice">Last traded price (LTP); 0 when it has not traded.</param>
/// <param name="BidPrice">Best bid; 0 when unknown.</param>
/// <param name="AskPrice">Best ask; 0 when unknown.</param>
/// <param name="Volume">Traded volume for the day.</param>
/// <param name="OpenInterest">Open interest, as the latest tick reports it.</param>
/// <param name="ChangeInOpenInterest">Open interest added or shed in the session (see <see cref="OpenInterestTracker"/>); null when nothing tracks it.</param>
/// <param name="ImpliedVolatilityResult">The solve from <paramref name="LastPrice"/>; null when there was no price to solve from.</param>
/// <param name="Greeks">The greeks at the implied volatility; null when there is no implied volatility.</param>
public sealed record OptionQuote(
    Instrument Instrument,
    bool HasTicked,
    decimal LastPrice,
    decimal BidPrice,
    decimal AskPrice,
    long Volume,
    long OpenInterest,
    long? ChangeInOpenInterest,
    ImpliedVolatilityResult? ImpliedVolatilityResult,
    OptionGreeks? Greeks)
{
    /// <summary>The implied volatility (0.13 for 13%); null when the solver failed or had no price.</summary>
    public double? ImpliedVolatility => ImpliedVolatilityResult?.VolatilityOrNull;

    /// <summary>Delta at the implied volatility; null when there is no implied volatility.</summary>
    public double? Delta => Greeks?.Delta;
}
