using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// The position a placement opened, with everything done to it since (exits, rolls, unwinds):
/// what each contract holds and the P&amp;L at the last prices, by the formula the broker shows
/// (sold amount - bought amount + net quantity x LTP). Built from the orders the placements link
/// to, as the order desk knows them now, so it moves with every fill and every tick.
/// </summary>
/// <param name="Entry">The entry placement.</param>
/// <param name="Legs">Each contract traded, in the order first traded.</param>
/// <param name="Pnl">The sum of the legs' P&amp;L.</param>
public sealed record PlacementPosition(Placement Entry, IReadOnlyList<PositionLeg> Legs, decimal Pnl)
{
    /// <summary>True while some contract is held.</summary>
    public bool IsOpen => Legs.Any(l => l.NetQuantity != 0);

    /// <summary>Net rupees received so far (sells minus buys, before marking the open quantity).</summary>
    public decimal NetPremium => Legs.Sum(l => l.SellAmount - l.BuyAmount);

    /// <summary>Builds the position.</summary>
    /// <param name="entry">The entry placement.</param>
    /// <param name="family">The entry and every placement acting on it (its exits and rolls).</param>
    /// <param name="liveOrder">The order desk's current state of an order, when it has it (the link's recorded state is used otherwise).</param>
    /// <param name="lastPrice">The last traded price of a contract, when known.</param>
    public static PlacementPosition Of(Placement entry, IEnumerable<Placement> family, Func<Guid, Order?> liveOrder, Func<InstrumentId, decimal?> lastPrice)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(liveOrder);
        ArgumentNullException.ThrowIfNull(lastPrice);
        var legs = new List<(PlacementLeg Leg, int Net, decimal Buy, decimal Sell, int Bought, int Sold)>();
        foreach (var placement in family.OrderBy(p => p.CreatedAt).ThenBy(p => p.ParentId is null ? 0 : 1))
        {
            foreach (var link in placement.Orders)
            {
                var order = link.OrderId is { } id ? liveOrder(id) : null;
                var filled = order?.FilledQuantity ?? link.FilledQuantity;
                var price = order?.AveragePrice ?? link.AveragePrice ?? 0m;
                var leg = placement.Leg(link.LegIndex);
                var at = legs.FindIndex(l => l.Leg.Instrument == leg.Instrument);
                if (at < 0)
                {
                    legs.Add((leg, 0, 0m, 0m, 0, 0));
                    at = legs.Count - 1;
                }

                if (filled == 0)
                {
                    continue;
                }

                var row = legs[at];
                legs[at] = link.Side == OrderSide.Buy
                    ? row with { Net = row.Net + filled, Buy = row.Buy + (filled * price), Bought = row.Bought + filled }
                    : row with { Net = row.Net - filled, Sell = row.Sell + (filled * price), Sold = row.Sold + filled };
            }
        }

        var result = new List<PositionLeg>(legs.Count);
        foreach (var (leg, net, buy, sell, bought, sold) in legs)
        {
            var ltp = lastPrice(leg.Instrument);
            decimal? average = net switch
            {
                < 0 when sold > 0 => Math.Round(sell / sold, 2),
                > 0 when bought > 0 => Math.Round(buy / bought, 2),
                _ => null,
            };
            // Before the first tick the open quantity is marked at its own average: no invented P&L.
            var mark = ltp ?? average ?? 0m;
            result.Add(new PositionLeg(leg.Instrument, leg.TradingSymbol, leg.OptionType, leg.Strike, net, buy, sell, average, ltp, sell - buy + (net * mark)));
        }

        return new PlacementPosition(entry, result, result.Sum(l => l.Pnl));
    }
}
