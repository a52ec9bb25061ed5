using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Components.Trading;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Radzen;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The order book, newest first, live as the desk's orders change (at most four renders a second),
/// with filters, each order's lifecycle on a click, and cancel, modify and retry behind a
/// confirmation. Actions go through <see cref="TradingDesk"/> as the signed-in user.
/// </summary>
public sealed partial class Orders : IAsyncDisposable
{
    private const string NoStrategy = "none";
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private static readonly (string Key, string Label)[] StatusFilters =
    [
        ("all", "All"),
        ("active", "Active"),
        (nameof(OrderStatus.PendingSubmit), "Pending"),
        (nameof(OrderStatus.Open), "Open"),
        (nameof(OrderStatus.PartiallyFilled), "Part filled"),
        (nameof(OrderStatus.Filled), "Filled"),
        (nameof(OrderStatus.Rejected), "Rejected"),
        (nameof(OrderStatus.Cancelled), "Cancelled"),
        (nameof(OrderStatus.Failed), "Failed"),
    ];

    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Guid> _expanded = [];
    private EventStream<Order>.Subscription? _subscription;
    private IReadOnlyList<Order> _orders = [];
    private OrderTicketDialog? _ticket;
    private ModifyOrderDialog? _modify;
    private string _status = "all";
    private string _symbol = string.Empty;
    private string _strategy = string.Empty;
    private bool _canTrade;
    private bool _live;
    private bool _busy;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _orders = Desk.Orders;
        _canTrade = await Desk.CanTradeAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe, then read the book again: a change in between is either read or queued.
        _subscription = Desk.SubscribeOrders();
        _orders = Desk.Orders;
        _live = true;
        StateHasChanged();
        _ = FollowAsync(_subscription, _stop.Token);
    }

    // Any change means "read the book again"; at most one render per interval.
    private Task FollowAsync(EventStream<Order>.Subscription subscription, CancellationToken cancellationToken) =>
        subscription.ForLatestAsync(_ => InvokeAsync(() =>
        {
            _orders = Desk.Orders;
            StateHasChanged();
        }), RenderInterval, cancellationToken);

    private List<Order> Filtered() => [.. _orders.Where(o => MatchesStatus(o, _status) && MatchesSymbol(o) && MatchesStrategy(o))];

    private int CountFor(string filter) => _orders.Count(o => MatchesStatus(o, filter));

    private static bool MatchesStatus(Order order, string filter) => filter switch
    {
        "all" => true,
        // Active: what still needs watching, failed intents included (they may be retried).
        "active" => OrderLifecycle.IsActive(order.Status),
        _ => order.Status.ToString() == filter,
    };

    private bool MatchesSymbol(Order order) =>
        string.IsNullOrWhiteSpace(_symbol) || order.TradingSymbol.Contains(_symbol.Trim(), StringComparison.OrdinalIgnoreCase);

    private bool MatchesStrategy(Order order) => _strategy switch
    {
        "" => true,
        NoStrategy => order.StrategyId is null,
        _ => order.StrategyId?.ToString() == _strategy,
    };

    private IEnumerable<(string Id, string Name)> StrategiesInBook() =>
        _orders.Where(o => o.StrategyId is not null).Select(o => o.StrategyId!.Value).Distinct()
            .Select(id => (id.ToString(), Desk.StrategyName(id) ?? id.ToString()))
            .OrderBy(s => s.Item2, StringComparer.OrdinalIgnoreCase);

    private void Toggle(Guid id)
    {
        if (!_expanded.Remove(id))
        {
            _expanded.Add(id);
        }
    }

    private void OnRowKey(KeyboardEventArgs e, Guid id)
    {
        if (e.Key is "Enter" or " ")
        {
            Toggle(id);
        }
    }

    private void NewOrder() => _ticket?.Open(new TicketDefaults());

    private async Task CancelAsync(Order order)
    {
        var filled = order.FilledQuantity > 0 ? $" The {TradingFormat.Quantity(order.FilledQuantity)} already filled stay filled." : string.Empty;
        var confirmed = await Dialogs.Confirm(
            $"Cancel {Label(order)}{(order.BrokerOrderId is null ? " (not at the broker yet)" : $" (broker order {order.BrokerOrderId})")}?{filled}",
            "Cancel order",
            new ConfirmOptions { OkButtonText = "Cancel order", CancelButtonText = "Keep it" });
        if (confirmed == true)
        {
            await RunAsync(() => Desk.CancelAsync(order.Id, CancellationToken.None), "Cancel");
        }
    }

    private async Task RetryAsync(Order order)
    {
        var confirmed = await Dialogs.Confirm(
            $"Send the failed order {Label(order)} again? It goes with the same tag ({order.Tag}), so the broker cannot receive it twice. Failed reason: {order.Reason ?? "none given"}.",
            "Retry order",
            new ConfirmOptions { OkButtonText = "Send again", CancelButtonText = "Leave it" });
        if (confirmed == true)
        {
            await RunAsync(() => Desk.RetryAsync(order.Id, CancellationToken.None), "Retry");
        }
    }

    private async Task RunAsync(Func<Task<OrderOutcome>> action, string what)
    {
        _busy = true;
        try
        {
            var outcome = await action();
            _message = $"{what}: {outcome.Message}";
            _messageIsError = !outcome.Accepted || outcome.Problems.Count > 0;
        }
        finally
        {
            _busy = false;
            _orders = Desk.Orders;
        }
    }

    internal static string Label(Order order) =>
        $"{TradingFormat.Side(order.Side)} {TradingFormat.Quantity(order.Quantity)} {order.TradingSymbol} {TradingFormat.Type(order.Type)}" +
        (order.LimitPrice is { } price ? $" @ {TradingFormat.Price(price)}" : string.Empty) +
        (order.TriggerPrice is { } trigger ? $" trigger {TradingFormat.Price(trigger)}" : string.Empty);

    private static string PriceAndTrigger(Order order) => (order.LimitPrice, order.TriggerPrice) switch
    {
        ({ } price, { } trigger) => $"{TradingFormat.Price(price)} / {TradingFormat.Price(trigger)}",
        ({ } price, null) => TradingFormat.Price(price),
        (null, { } trigger) => $"– / {TradingFormat.Price(trigger)}",
        _ => "MKT",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
