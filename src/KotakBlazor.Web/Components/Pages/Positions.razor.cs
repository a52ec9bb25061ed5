using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Web.Components.Trading;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// Today's positions and P&amp;L, live from the kernel's portfolio snapshots (at most four renders a
/// second), with each strategy's share, manual trades to adopt or ignore, holdings and funds.
/// Closing a position asks first, stating the exact market order.
/// </summary>
public sealed partial class Positions : IAsyncDisposable
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private EventStream<PortfolioSnapshot>.Subscription? _subscription;
    private PortfolioSnapshot _portfolio = null!;
    private OrderTicketDialog? _ticket;
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
        _portfolio = Desk.Portfolio;
        _canTrade = await Desk.CanTradeAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe, then read the latest again: a snapshot published in between is not lost.
        _subscription = Desk.SubscribePortfolio();
        _portfolio = Desk.Portfolio;
        _live = true;
        StateHasChanged();
        _ = FollowAsync(_subscription, _stop.Token);
    }

    private Task FollowAsync(EventStream<PortfolioSnapshot>.Subscription subscription, CancellationToken cancellationToken) =>
        subscription.ForLatestAsync(latest => InvokeAsync(() =>
        {
            _portfolio = latest;
            StateHasChanged();
        }), RenderInterval, cancellationToken);

    private void OpenTicket(Position position, OrderSide side) =>
        _ticket?.Open(new TicketDefaults(position.Instrument, side, Product: position.Product));

    private async Task CloseAsync(Position position)
    {
        var net = position.NetQuantity;
        var side = net > 0 ? OrderSide.Sell : OrderSide.Buy;
        // One key per confirmation, made before the question: a second click on OK sends nothing new.
        var key = "close-" + Guid.NewGuid().ToString("N");
        var confirmed = await Dialogs.Confirm(
            $"Send {TradingFormat.Side(side)} {TradingFormat.Quantity(Math.Abs(net))} {position.TradingSymbol} at market ({TradingFormat.Product(position.Product)}) " +
            $"to close your {(net > 0 ? "long" : "short")} position of {TradingFormat.Quantity(Math.Abs(net))}? " +
            $"Last price {TradingFormat.Price(position.LastPrice)}; a market order fills at whatever the market pays.",
            "Close position",
            new ConfirmOptions { OkButtonText = "Send close order", CancelButtonText = "Keep position" });
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Desk.ClosePositionAsync(position.Instrument, position.Product, net, key, CancellationToken.None);
            Show(outcome.Message, !outcome.Accepted || outcome.Problems.Count > 0);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(string message, bool isError)
    {
        _message = message;
        _messageIsError = isError;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
