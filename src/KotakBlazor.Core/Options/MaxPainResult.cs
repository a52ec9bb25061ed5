namespace KotakBlazor.Core.Options;

/// <summary>The max-pain strike of a chain and what option buyers would collect if the underlying settled there.</summary>
/// <param name="Strike">The strike at which option buyers collect the least.</param>
/// <param name="TotalPayout">What buyers would collect at <paramref name="Strike"/>: Σ open interest × intrinsic value, in rupees when open interest is in units of the underlying (as NSE reports it).</param>
public readonly record struct MaxPainResult(decimal Strike, decimal TotalPayout);
