using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

/// <summary>
/// Decides whether an order request may go to the broker: the risk checks, run on the trading
/// kernel so they see positions and prices in the same order as everything else.
/// </summary>
public interface IOrderDecider
{
    /// <summary>
    /// Checks a request and, when it is allowed, counts it against the rate, daily and
    /// duplicate limits. The decision says how to slice it.
    /// </summary>
    Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken);
}

/// <summary>The risk engine's answer to one request.</summary>
/// <param name="IsAllowed">True when it may be sent.</param>
/// <param name="Instrument">The instrument, when it is known.</param>
/// <param name="Refusals">Every reason it may not be sent, in words a trader reads.</param>
/// <param name="Slices">The quantities to send, each within the freeze quantity (one slice when no slicing is needed).</param>
/// <param name="LastPrice">The instrument's last price when the decision was taken.</param>
public sealed record OrderDecision(
    bool IsAllowed,
    Instrument? Instrument,
    IReadOnlyList<string> Refusals,
    IReadOnlyList<int> Slices,
    decimal? LastPrice)
{
    /// <summary>A refusal.</summary>
    public static OrderDecision Refuse(Instrument? instrument, params string[] reasons) => new(false, instrument, reasons, [], null);
}
