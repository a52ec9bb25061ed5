namespace KotakBlazor.Core.Options.Builder;

/// <summary>What a structure collects, where it breaks even, what it can make and lose.</summary>
/// <param name="NetPremium">Premium collected (positive, a credit) or paid (negative, a debit), in rupees, at the legs' entry prices.</param>
/// <param name="Breakevens">Underlying prices at expiry where the P&amp;L is zero, ascending.</param>
/// <param name="MaxProfit">The most it can make at expiry, in rupees; null when unlimited.</param>
/// <param name="MaxLoss">The most it can lose at expiry, as a positive number of rupees; null when unlimited.</param>
/// <param name="WorstCase">The largest loss (positive rupees) at expiry or today if the underlying ends anywhere in the stress range; 0 when it makes money throughout.</param>
/// <param name="StressLow">The low end of the stress range.</param>
/// <param name="StressHigh">The high end of the stress range.</param>
/// <param name="Curve">The payoff across a range of prices around spot, ascending, for the chart.</param>
public sealed record StrategyAnalysis(
    decimal NetPremium,
    IReadOnlyList<decimal> Breakevens,
    decimal? MaxProfit,
    decimal? MaxLoss,
    decimal WorstCase,
    decimal StressLow,
    decimal StressHigh,
    IReadOnlyList<PayoffPoint> Curve);
