using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Options.Builder;

/// <summary>
/// One leg of a structure being built: which contract, which side, how many lots, how it is
/// priced, and the market's reading of it when it was last quoted. Editable: change the strike,
/// side, lots or price type with <c>with</c>, then requote.
/// </summary>
/// <param name="Instrument">The option contract.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Lots">Lots; the quantity is lots x the lot size.</param>
/// <param name="OrderType">Market or limit.</param>
/// <param name="LimitPrice">The limit price for a limit order.</param>
public sealed record BuilderLeg(
    Instrument Instrument,
    OrderSide Side,
    int Lots,
    OrderType OrderType = OrderType.Market,
    decimal? LimitPrice = null)
{
    /// <summary>The last traded price when quoted (0 when the contract has not traded).</summary>
    public decimal Premium { get; init; }

    /// <summary>The implied volatility solved from <see cref="Premium"/>; null when there is none.</summary>
    public double? ImpliedVolatility { get; init; }

    /// <summary>Delta at the implied volatility (positive for calls, negative for puts); null when there is no volatility.</summary>
    public double? Delta { get; init; }

    /// <summary>Units: lots x lot size.</summary>
    public int Quantity => Lots * Math.Max(Instrument.LotSize, 1);

    /// <summary>The price the payoff assumes the leg trades at: the limit for a limit order, the premium otherwise.</summary>
    public decimal EntryPrice => OrderType == OrderType.Limit && LimitPrice is > 0 ? LimitPrice.Value : Premium;

    /// <summary>+1 for a bought leg, -1 for a sold one.</summary>
    public int Sign => Side == OrderSide.Buy ? 1 : -1;
}
