using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>The per-instrument state the price engine keeps between steps.</summary>
public sealed partial class SimulatedMarket
{
    private enum QuoteKind
    {
        Underlying,
        Future,
        Option,
    }

    private sealed class Quote(Instrument instrument, QuoteKind kind, int underlyingIndex, decimal previousClose, double meanTradeLots, double openInterestStepLots)
    {
        public Instrument Instrument { get; } = instrument;

        public QuoteKind Kind { get; } = kind;

        public int UnderlyingIndex { get; } = underlyingIndex;

        public double MeanTradeLots { get; } = meanTradeLots;

        public double OpenInterestStepLots { get; } = openInterestStepLots;

        public decimal PreviousClose { get; set; } = previousClose;

        public decimal LastPrice { get; set; } = previousClose;

        public long Volume { get; set; }

        public long OpenInterest { get; set; }
    }
}
