using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;

namespace KotakBlazor.Web.Components.Strategies;

/// <summary>
/// The strategy builder's address pre-filled from a multi-leg option signal (straddle or strangle,
/// iron condor, bull call or bear put spread), so a person confirms the whole position in the
/// builder rather than leg by leg in the order ticket. Strikes travel as points from the middle of
/// the sold strikes: the builder lays them out again on the live chain.
/// </summary>
internal static class SignalBuilderLink
{
    /// <summary>The builder's address for <paramref name="signal"/>, or null when it is not a multi-leg option entry the builder knows.</summary>
    public static string? For(Signal signal, IInstrumentCatalog catalog)
    {
        if (signal.Kind != SignalKind.Entry || signal.Legs.Count < 2)
        {
            return null;
        }

        var legs = new List<(Instrument Option, OrderSide Side, int Quantity)>();
        foreach (var leg in signal.Legs)
        {
            if (!catalog.TryGet(leg.Instrument, out var option) || option.Strike is null || option.OptionType is null || option.Expiry is null)
            {
                return null;
            }

            legs.Add((option, leg.Side, leg.Quantity));
        }

        var first = legs[0].Option;
        var lots = legs[0].Quantity / Math.Max(first.LotSize, 1);
        if (lots < 1)
        {
            return null;
        }

        var calls = legs.Where(l => l.Option.OptionType == OptionType.Call).ToList();
        var puts = legs.Where(l => l.Option.OptionType == OptionType.Put).ToList();
        var soldCall = calls.FirstOrDefault(l => l.Side == OrderSide.Sell).Option?.Strike;
        var soldPut = puts.FirstOrDefault(l => l.Side == OrderSide.Sell).Option?.Strike;
        var query = new List<string>();
        switch (signal.StrategyKey)
        {
            case "straddle-strangle" when soldCall is { } call && soldPut is { } put:
                query.Add("kind=" + (call == put ? OptionStrategyKind.ShortStraddle : OptionStrategyKind.ShortStrangle));
                query.Add("points=" + Number(Math.Abs(call - put) / 2));
                break;
            case "iron-condor" when soldCall is { } call && soldPut is { } put && calls.FirstOrDefault(l => l.Side == OrderSide.Buy).Option?.Strike is { } wing:
                query.Add("kind=" + OptionStrategyKind.IronCondor);
                query.Add("points=" + Number(Math.Abs(call - put) / 2));
                query.Add("wings=" + Number(Math.Abs(wing - call)));
                break;
            case "bull-call-spread":
                query.Add("kind=" + OptionStrategyKind.BullCallSpread);
                break;
            case "bear-put-spread":
                query.Add("kind=" + OptionStrategyKind.BearPutSpread);
                break;
            default:
                return null;
        }

        query.Add("underlying=" + Uri.EscapeDataString(first.Underlying));
        query.Add("expiry=" + first.Expiry!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        query.Add("lots=" + lots.ToString(CultureInfo.InvariantCulture));
        query.Add("product=" + signal.Product);
        query.Add("strategy=" + signal.StrategyId);
        query.Add("name=" + Uri.EscapeDataString(signal.StrategyName));
        return "/strangle?" + string.Join("&", query);
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
