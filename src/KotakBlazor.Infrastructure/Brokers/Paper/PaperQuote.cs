using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>The last tick of an instrument and the price its circuit band is centred on.</summary>
/// <param name="Last">The last tick.</param>
/// <param name="BandReference">The previous close, or the first LTP seen when the feed gives no close.</param>
internal readonly record struct PaperQuote(Tick Last, decimal BandReference);
