using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Watchlists;

/// <summary>One saved watchlist row.</summary>
public sealed record WatchlistItem(InstrumentId Instrument, string TradingSymbol);
