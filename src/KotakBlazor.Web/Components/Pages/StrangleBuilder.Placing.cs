using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>From the builder to the server: the draft, the confirmation, and the list's close, roll and view.</summary>
public sealed partial class StrangleBuilder
{
    /// <summary>The legs as they stand, as a draft with the given id (the server resolves lot sizes and freeze quantities itself).</summary>
    private PlacementDraft Draft(Guid id, IReadOnlyList<BuilderLeg>? legs = null) => new(
        id,
        NameQuery is { Length: > 0 } name ? name : $"{_underlying!.Name} {KindName(_kind)}",
        _underlying!.Name,
        _expiry,
        _product,
        [.. (legs ?? _legs).Select(l => new DraftLeg(l.Instrument.Id, l.Side, l.Lots, l.OrderType, l.OrderType == OrderType.Limit ? l.LimitPrice : null))],
        Math.Max(_batchLots, 0),
        StrategyQuery);

    private async Task ReviewAsync()
    {
        if (_reviewing || _legs.Count == 0 || _dialog is null || _underlying is null)
        {
            return;
        }

        _reviewing = true;
        _error = null;
        try
        {
            // What Execute sends is what the confirmation showed, whatever the legs become meanwhile.
            var legs = _legs.ToList();
            await _dialog.OpenAsync(
                $"{_underlying.Name} {KindName(_kind)}",
                id => Screen.PreviewAsync(Draft(id, legs), CancellationToken.None),
                id => Screen.ExecuteAsync(Draft(id, legs), CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = "The placement could not be checked: " + ex.Message;
        }
        finally
        {
            _reviewing = false;
        }
    }

    private Task ViewAsync(Placement placement) => _dialog?.WatchAsync(placement.Id, placement.StrategyName) ?? Task.CompletedTask;

    private async Task CloseAsync(Placement entry)
    {
        if (_dialog is not null)
        {
            await _dialog.OpenAsync($"close {entry.StrategyName}", id => Screen.PreviewExitAsync(id, entry.Id, CancellationToken.None), id => Screen.CloseAsync(id, entry.Id, CancellationToken.None));
        }
    }

    private async Task RollAsync((Placement Entry, InstrumentId From, InstrumentId To) roll)
    {
        if (_dialog is not null)
        {
            await _dialog.OpenAsync($"roll {roll.Entry.StrategyName}", id => Screen.PreviewRollAsync(id, roll.Entry.Id, roll.From, roll.To, CancellationToken.None),
                id => Screen.RollAsync(id, roll.Entry.Id, roll.From, roll.To, CancellationToken.None));
        }
    }

    /// <summary>Contracts of the same underlying, expiry and type as a held one, at other strikes.</summary>
    private IReadOnlyList<Instrument> RollTargets(InstrumentId from)
    {
        if (!Screen.TryGetInstrument(from, out var held))
        {
            return [];
        }

        var underlying = Screen.Underlyings.FirstOrDefault(u => u.Name == held.Underlying);
        return underlying is null
            ? []
            : [.. underlying.Options.Where(o => o.Expiry == held.Expiry && o.OptionType == held.OptionType && o.Id != held.Id).OrderBy(o => o.Strike)];
    }
}
