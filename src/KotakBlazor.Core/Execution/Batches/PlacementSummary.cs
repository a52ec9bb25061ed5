using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// The end of a placement in a trader's terms: call orders k of N placed and filled, put orders
/// k of N, average prices per leg, and the premium collected (sold minus bought, at fill prices).
/// Unwinds are left out: this is what the plan achieved.
/// </summary>
/// <param name="Legs">Per leg.</param>
/// <param name="CallOrders">Call orders planned.</param>
/// <param name="CallOrdersPlaced">Call orders the broker took.</param>
/// <param name="CallOrdersFilled">Call orders filled.</param>
/// <param name="PutOrders">Put orders planned.</param>
/// <param name="PutOrdersPlaced">Put orders the broker took.</param>
/// <param name="PutOrdersFilled">Put orders filled.</param>
/// <param name="PremiumCollected">Rupees received for sold legs minus paid for bought legs (negative: a debit).</param>
public sealed record PlacementSummary(
    IReadOnlyList<LegSummary> Legs,
    int CallOrders,
    int CallOrdersPlaced,
    int CallOrdersFilled,
    int PutOrders,
    int PutOrdersPlaced,
    int PutOrdersFilled,
    decimal PremiumCollected)
{
    /// <summary>Summarises a placement from its order links.</summary>
    public static PlacementSummary Of(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var legs = new List<LegSummary>(placement.Legs.Count);
        foreach (var leg in placement.Legs)
        {
            var orders = placement.Planned.Where(o => o.LegIndex == leg.Index).ToList();
            var filled = orders.Sum(o => o.FilledQuantity);
            var amount = orders.Sum(o => o.FilledQuantity * (o.AveragePrice ?? 0m));
            legs.Add(new LegSummary(leg.Index, leg.TradingSymbol, leg.OptionType, leg.Side, leg.Quantity, filled, orders.Count,
                orders.Count(WasPlaced), orders.Count(o => o.IsFilled), filled > 0 ? Math.Round(amount / filled, 2) : null));
        }

        var premium = placement.Planned.Sum(o => (o.Side == OrderSide.Sell ? 1 : -1) * o.FilledQuantity * (o.AveragePrice ?? 0m));
        return new PlacementSummary(
            legs,
            Count(legs, OptionType.Call, l => l.Orders),
            Count(legs, OptionType.Call, l => l.OrdersPlaced),
            Count(legs, OptionType.Call, l => l.OrdersFilled),
            Count(legs, OptionType.Put, l => l.Orders),
            Count(legs, OptionType.Put, l => l.OrdersPlaced),
            Count(legs, OptionType.Put, l => l.OrdersFilled),
            premium);
    }

    /// <summary>True when the broker took the order (it has a broker number, or it filled, or was cancelled after being taken).</summary>
    public static bool WasPlaced(PlacementOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.BrokerOrderId is not null || order.Status is OrderStatus.Open or OrderStatus.PartiallyFilled or OrderStatus.Filled;
    }

    private static int Count(List<LegSummary> legs, OptionType type, Func<LegSummary, int> count) => legs.Where(l => l.OptionType == type).Sum(count);
}
