using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// Checks what a position actually holds against its design after every batch: a structure that
/// sells as many calls as puts (strangle, straddle, condor) must hold them in balance, and a
/// structure whose short legs are covered (condor, spreads) must never hold a sold option without
/// its bought one. Run on the whole family (the entry, its exits and rolls), so a half-done exit
/// is checked too.
/// </summary>
public static class HedgeCheck
{
    /// <summary>The alert for what <paramref name="family"/> holds; null when it matches the design of <paramref name="entry"/>.</summary>
    public static string? Alert(Placement entry, IEnumerable<Placement> family)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(family);
        var held = new Dictionary<(InstrumentId Instrument, OptionType Type), int>();
        foreach (var placement in family)
        {
            foreach (var link in placement.Orders.Where(o => o.FilledQuantity > 0))
            {
                if (placement.Leg(link.LegIndex) is { OptionType: { } type } leg)
                {
                    var key = (leg.Instrument, type);
                    held[key] = held.GetValueOrDefault(key) + ((link.Side == OrderSide.Buy ? 1 : -1) * link.FilledQuantity);
                }
            }
        }

        var problems = new List<string>();
        var designedCallsSold = Designed(entry, OptionType.Call, OrderSide.Sell);
        var designedPutsSold = Designed(entry, OptionType.Put, OrderSide.Sell);
        var callsSold = Held(held, OptionType.Call, sold: true);
        var putsSold = Held(held, OptionType.Put, sold: true);
        if (designedCallsSold > 0 && designedCallsSold == designedPutsSold && callsSold != putsSold)
        {
            var more = callsSold > putsSold ? "calls" : "puts";
            problems.Add(Invariant($"Call/put imbalance: {callsSold:N0} calls sold against {putsSold:N0} puts ({Math.Abs(callsSold - putsSold):N0} more {more})."));
        }

        foreach (var type in (ReadOnlySpan<OptionType>)[OptionType.Call, OptionType.Put])
        {
            var designedSold = Designed(entry, type, OrderSide.Sell);
            var sold = Held(held, type, sold: true);
            var bought = Held(held, type, sold: false);
            if (designedSold > 0 && designedSold <= Designed(entry, type, OrderSide.Buy) && sold > bought)
            {
                problems.Add(Invariant($"Naked {Word(type)}s: {sold:N0} sold but only {bought:N0} bought to cover them."));
            }
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private static int Designed(Placement entry, OptionType type, OrderSide side) =>
        entry.Legs.Where(l => l.OptionType == type && l.Side == side).Sum(l => l.Quantity);

    private static int Held(Dictionary<(InstrumentId Instrument, OptionType Type), int> held, OptionType type, bool sold) =>
        held.Where(h => h.Key.Type == type).Sum(h => sold ? Math.Max(0, -h.Value) : Math.Max(0, h.Value));

    private static string Word(OptionType type) => type == OptionType.Call ? "call" : "put";
}
