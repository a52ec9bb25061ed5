using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Positions;

/// <summary>
/// The last traded price and contract multiplier of one instrument, shared by every ledger that
/// holds it, so a tick updates one field whatever the number of products and strategies.
/// </summary>
internal sealed class InstrumentPrice(InstrumentId instrument)
{
    public InstrumentId Instrument { get; } = instrument;

    /// <summary>The last traded price, or 0 before any tick or fill.</summary>
    public decimal LastPrice { get; set; }

    /// <summary>True once a tick arrived; until then the latest fill price stands in for the LTP.</summary>
    public bool HasTick { get; set; }

    /// <summary>Rupees per unit of price per unit of quantity: 1 for NSE equity and F&amp;O.</summary>
    public decimal Multiplier { get; set; } = 1m;

    /// <summary>How many ledgers (account and strategy) price with this; the multiplier is fixed once any does.</summary>
    public int LedgerCount { get; set; }
}
