using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>Editing one leg: side, strike (another listed contract of the same type, requoted), lots, price type and limit.</summary>
public sealed partial class StrangleBuilder
{
    private IEnumerable<decimal> Strikes(BuilderLeg leg) =>
        _chain is null ? [leg.Instrument.Strike ?? 0m] : _chain.Rows.Where(r => (leg.Instrument.OptionType == OptionType.Call ? r.Call : r.Put) is not null).Select(r => r.Strike);

    private void SetSide(int index, ChangeEventArgs e)
    {
        if (Enum.TryParse<OrderSide>(e.Value as string, out var side))
        {
            _legs[index] = _legs[index] with { Side = side };
            LegsChanged();
        }
    }

    private void SetStrike(int index, ChangeEventArgs e)
    {
        if (_chain is not null && decimal.TryParse(e.Value as string, NumberStyles.Number, CultureInfo.InvariantCulture, out var strike)
            && OptionStrategyBuilder.MoveTo(_legs[index], _chain, strike) is { } moved)
        {
            _legs[index] = moved;
            LegsChanged();
        }
    }

    private void SetLots(int index, ChangeEventArgs e)
    {
        if (int.TryParse(e.Value as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lots) && lots > 0)
        {
            _legs[index] = _legs[index] with { Lots = lots };
            LegsChanged();
        }
    }

    private void SetType(int index, ChangeEventArgs e)
    {
        if (Enum.TryParse<OrderType>(e.Value as string, out var type))
        {
            var leg = _legs[index];
            _legs[index] = leg with { OrderType = type, LimitPrice = type == OrderType.Limit ? leg.LimitPrice ?? (leg.Premium > 0 ? leg.Premium : null) : null };
            LegsChanged();
        }
    }

    private void SetLimit(int index, ChangeEventArgs e)
    {
        if (decimal.TryParse(e.Value as string, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price > 0)
        {
            _legs[index] = _legs[index] with { LimitPrice = _legs[index].Instrument.RoundToTick(price) };
            LegsChanged();
        }
    }

    private void RemoveLeg(int index)
    {
        _legs.RemoveAt(index);
        LegsChanged();
    }
}
