using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>How one leg of a placement went.</summary>
/// <param name="LegIndex">The leg.</param>
/// <param name="TradingSymbol">Its contract.</param>
/// <param name="OptionType">Call or put (null for a leg that is not an option).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units planned.</param>
/// <param name="FilledQuantity">Units filled.</param>
/// <param name="Orders">Orders planned.</param>
/// <param name="OrdersPlaced">Orders the broker took (working, filled or cancelled after it took them).</param>
/// <param name="OrdersFilled">Orders filled completely.</param>
/// <param name="AveragePrice">The average fill price over its orders; null while nothing filled.</param>
public sealed record LegSummary(
    int LegIndex,
    string TradingSymbol,
    OptionType? OptionType,
    OrderSide Side,
    int Quantity,
    int FilledQuantity,
    int Orders,
    int OrdersPlaced,
    int OrdersFilled,
    decimal? AveragePrice);
