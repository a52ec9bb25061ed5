using System.Globalization;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Components.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Placements;

/// <summary>
/// Shows a placement's progress and, when it stopped, offers the trader's choices. Resuming and
/// unwinding send orders, so each asks once more and says exactly what will be sent; keeping
/// sends nothing.
/// </summary>
public sealed partial class PlacementProgressView
{
    private Choice? _confirming;

    /// <summary>What the trader can choose after a stop.</summary>
    public enum Choice
    {
        Resume,
        Unwind,
        Keep,
    }

    [Parameter, EditorRequired]
    public Placement Placement { get; set; } = default!;

    /// <summary>The order desk's current state of an order (statuses change faster than the placement records them).</summary>
    [Parameter, EditorRequired]
    public Func<Guid, Order?> FindOrder { get; set; } = default!;

    [Parameter]
    public bool CanTrade { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public string? Message { get; set; }

    [Parameter]
    public bool MessageIsError { get; set; }

    [Parameter]
    public EventCallback<Choice> OnChoice { get; set; }

    protected override void OnParametersSet()
    {
        if (Placement.Status != PlacementStatus.Stopped)
        {
            _confirming = null;
        }
    }

    private async Task ChooseAsync(Choice choice)
    {
        _confirming = null;
        await OnChoice.InvokeAsync(choice);
    }

    /// <summary>The placement with its links' fills as the order desk knows them now.</summary>
    private Placement Live(Placement placement) => placement with
    {
        Orders = [.. placement.Orders.Select(link => link.OrderId is { } id && FindOrder(id) is { } order ? link.With(order) : link)],
    };

    private static string StatusText(Placement placement) => placement.Status switch
    {
        PlacementStatus.Running => "Placing",
        PlacementStatus.Stopped => "Stopped: your choice",
        PlacementStatus.Completed => placement.Kind == PlacementKind.Exit ? "Closed" : "Placed",
        PlacementStatus.Kept => "Kept as placed",
        PlacementStatus.Unwinding => "Unwinding",
        PlacementStatus.Unwound => "Unwound",
        _ => placement.Status.ToString(),
    };

    private static string BatchText(Placement placement) => placement.CurrentBatch is { } current
        ? string.Create(CultureInfo.InvariantCulture, $"Batch {current} of {placement.BatchCount} ({placement.BatchesFilled} filled)")
        : string.Create(CultureInfo.InvariantCulture, $"All {placement.BatchCount} batches filled");

    private static string ConfirmText(Placement placement, Choice choice)
    {
        if (choice == Choice.Resume)
        {
            var left = placement.Planned.Where(o => !o.IsFilled).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"Resume sends the {left.Count} orders not yet filled, as confirmed before ({Orders(placement, left)}); orders already at the broker are not sent again.");
        }

        var held = placement.Legs
            .Select(leg => (leg, net: placement.Orders.Where(o => o.LegIndex == leg.Index).Sum(o => (o.Side == OrderSide.Buy ? 1 : -1) * o.FilledQuantity)))
            .Where(x => x.net != 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{TradingFormat.Side(x.net > 0 ? OrderSide.Sell : OrderSide.Buy)} {TradingFormat.Quantity(Math.Abs(x.net))} {x.leg.TradingSymbol}"))
            .ToList();
        return held.Count == 0
            ? "Nothing has filled: unwinding sends nothing and closes the placement."
            : $"Unwind sends market orders to reverse what filled: {string.Join(", ", held)}, in batches of at most {placement.MaxLotsPerBatch} lots a leg, bought legs first.";
    }

    private static string ChoiceButton(Choice choice) => choice == Choice.Resume ? "Send the rest" : "Send unwind orders";

    private static string Orders(Placement placement, IReadOnlyList<PlacementOrder> orders) =>
        string.Join(", ", orders.GroupBy(o => (o.LegIndex, o.Side)).Select(g =>
            $"{TradingFormat.Side(g.Key.Side)} {TradingFormat.Quantity(g.Sum(o => o.Quantity))} {placement.Leg(g.Key.LegIndex).TradingSymbol}"));
}
