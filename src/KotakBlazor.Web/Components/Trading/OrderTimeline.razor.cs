using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>
/// One order's life: every stored event (what, from and to which status, why, who) and each
/// lifecycle timestamp that is set. Read again whenever the order changes: the desk stores the
/// events before it shows the change, so the history is never behind the row above it.
/// </summary>
public sealed partial class OrderTimeline : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Order? _loadedFor;
    private IReadOnlyList<OrderEvent>? _events;
    private string? _problem;

    [Parameter, EditorRequired]
    public Order Order { get; set; } = default!;

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(Order, _loadedFor))
        {
            return;
        }

        var order = Order;
        _loadedFor = order;
        try
        {
            var events = await Desk.TimelineAsync(order.Id, _stop.Token);
            // A newer change may have asked for the history meanwhile: only the latest request's answer is shown.
            if (ReferenceEquals(_loadedFor, order))
            {
                _events = events;
                _problem = null;
            }
        }
        catch (OperationCanceledException)
        {
            // The row was closed.
        }
        catch (Exception ex)
        {
            _problem = ex.Message;
        }
    }

    private IEnumerable<(string Label, DateTimeOffset Time)> Timestamps()
    {
        yield return ("Placed", Order.PlacedAt);
        foreach (var (label, time) in new (string, DateTimeOffset?)[]
        {
            ("Last status check", Order.LastStatusCheck),
            ("Filled", Order.FilledAt),
            ("First failed", Order.FirstFailedAt),
            ("Last retry", Order.LastRetryAt),
            ("Quantity adjusted", Order.QuantityAdjustedAt),
            ("Manual detected", Order.ManualDetectedAt),
            ("Position closed", Order.ClosedAt),
        })
        {
            if (time is { } set)
            {
                yield return (label, set);
            }
        }

        yield return ("Updated", Order.UpdatedAt);
    }

    private static string Transition(OrderEvent e) => (e.From, e.To) switch
    {
        ({ } from, { } to) when from != to => $"{TradingFormat.Status(from)} → {TradingFormat.Status(to)}",
        (null, { } to) => $"→ {TradingFormat.Status(to)}",
        (_, { } to) => TradingFormat.Status(to),
        _ => "–",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
