using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>One leg as the trader confirms it; lot size and freeze quantity come from the instrument master on the server.</summary>
/// <param name="Instrument">The contract.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Lots">Lots.</param>
/// <param name="OrderType">Market or limit.</param>
/// <param name="LimitPrice">The limit price for a limit leg.</param>
public sealed record DraftLeg(InstrumentId Instrument, OrderSide Side, int Lots, OrderType OrderType = OrderType.Market, decimal? LimitPrice = null);
