using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Web.Trading;

/// <summary>What the confirmation modal shows before the trader presses Execute.</summary>
/// <param name="Instrument">The instrument, when known.</param>
/// <param name="LastPrice">Its last price.</param>
/// <param name="WillSend">Exactly what will be sent, one line per broker order (slices within the freeze quantity).</param>
/// <param name="Refusals">Why the risk checks would refuse it (empty: allowed).</param>
/// <param name="Margin">The broker's margin estimate, when it answered.</param>
/// <param name="MarginProblem">Why there is no margin estimate.</param>
/// <param name="Notional">Quantity x price.</param>
public sealed record TicketPreview(
    Instrument? Instrument,
    decimal? LastPrice,
    IReadOnlyList<string> WillSend,
    IReadOnlyList<string> Refusals,
    MarginEstimate? Margin,
    string? MarginProblem,
    decimal Notional)
{
    public bool IsAllowed => Refusals.Count == 0;
}
