using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Placements;

/// <summary>The entries with their positions; the page owns the data and re-renders it on the live streams.</summary>
public sealed partial class PlacementList
{
    private Guid? _rolling;
    private string? _rollFrom;
    private string? _rollTo;
    private IReadOnlyList<Instrument> _targets = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<Placement> Entries { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<Guid, PlacementPosition?> Position { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<Guid, IReadOnlyList<Placement>> Family { get; set; } = default!;

    /// <summary>The contracts a held leg may roll to (same underlying, type and expiry, another strike).</summary>
    [Parameter, EditorRequired]
    public Func<InstrumentId, IReadOnlyList<Instrument>> RollTargets { get; set; } = default!;

    [Parameter]
    public bool CanTrade { get; set; }

    [Parameter]
    public EventCallback<Placement> OnView { get; set; }

    [Parameter]
    public EventCallback<Placement> OnClose { get; set; }

    /// <summary>Raised with the entry, the held contract and the contract to roll it to.</summary>
    [Parameter]
    public EventCallback<(Placement Entry, InstrumentId From, InstrumentId To)> OnRoll { get; set; }

    private void StartRoll(Placement entry, PlacementPosition position)
    {
        _rolling = entry.Id;
        _rollFrom = position.Legs.FirstOrDefault(l => l.NetQuantity != 0)?.Instrument.ToString();
        PickTargets();
    }

    private void PickTargets()
    {
        _targets = _rollFrom is not null && InstrumentId.TryParse(_rollFrom, out var from) ? RollTargets(from) : [];
        _rollTo = _targets.FirstOrDefault()?.Id.ToString();
    }

    private async Task ReviewRollAsync(Placement entry)
    {
        if (_rollFrom is null || _rollTo is null || !InstrumentId.TryParse(_rollFrom, out var from) || !InstrumentId.TryParse(_rollTo, out var to))
        {
            return;
        }

        _rolling = null;
        await OnRoll.InvokeAsync((entry, from, to));
    }

    private static string StatusText(Placement entry, Placement? pending, PlacementPosition? position)
    {
        if (pending is not null && pending.Id != entry.Id)
        {
            return pending.Kind == PlacementKind.Exit ? $"Closing: {pending.Status.ToString().ToLowerInvariant()}" : $"Rolling: {pending.Status.ToString().ToLowerInvariant()}";
        }

        return entry.Status switch
        {
            PlacementStatus.Running => "Placing",
            PlacementStatus.Stopped => "Stopped: your choice",
            PlacementStatus.Unwinding => "Unwinding",
            PlacementStatus.Unwound => "Unwound",
            _ when position is { IsOpen: false } || entry.ClosedAt is not null => "Closed",
            PlacementStatus.Kept => "Open (kept)",
            _ => "Open",
        };
    }
}
