using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>One leg of a placement as the server resolved it from the instrument master (never from what a browser sent).</summary>
/// <param name="Index">Its position in the placement's legs (0-based); order links point here.</param>
/// <param name="Instrument">The contract.</param>
/// <param name="TradingSymbol">Its trading symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units in all: lots x lot size.</param>
/// <param name="LotSize">Units per lot.</param>
/// <param name="FreezeQuantity">The most units one order may carry (0: no limit).</param>
/// <param name="OrderType">Market or limit.</param>
/// <param name="LimitPrice">The limit price of a limit leg.</param>
/// <param name="Purpose">Entry for a new position, exit when it closes one (an exit, or the old leg of a roll).</param>
/// <param name="OptionType">Call or put, for the hedge check; null for a leg that is not an option.</param>
/// <param name="Strike">The strike of an option leg.</param>
public sealed record PlacementLeg(
    int Index,
    InstrumentId Instrument,
    string TradingSymbol,
    OrderSide Side,
    int Quantity,
    int LotSize,
    int FreezeQuantity,
    OrderType OrderType,
    decimal? LimitPrice,
    OrderPurpose Purpose,
    OptionType? OptionType,
    decimal? Strike)
{
    /// <summary>Lots in all.</summary>
    public int Lots => LotSize > 0 ? Quantity / LotSize : 0;

    /// <summary>+1 for a bought leg, -1 for a sold one.</summary>
    public int Sign => Side == OrderSide.Buy ? 1 : -1;
}
