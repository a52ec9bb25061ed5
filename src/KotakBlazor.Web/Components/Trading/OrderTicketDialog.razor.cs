using System.Globalization;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>
/// The order ticket: fill in, review exactly what will be sent (risk verdict, margin, LTP), execute
/// once, see the broker's answer. One idempotency key is made when the review opens, so a double
/// click, a second click after a slow answer or a retry after an error places the order once.
/// </summary>
public sealed partial class OrderTicketDialog
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(150);

    private readonly CancellationTokenSource _stop = new();
    private OrderTicketModel _model = new();
    private TicketStep _step = TicketStep.Closed;
    private TicketStep _focusFor = TicketStep.Closed;
    private ModalFrame? _frame;
    private ElementReference _lotsInput;
    private ElementReference _closeButton;
    private string? _note;
    private string? _error;
    private bool _reviewing;
    private bool _executing;
    private OrderTicket? _ticket;
    private TicketPreview? _preview;
    private string? _idempotencyKey;
    private OrderOutcome? _outcome;
    private EventStream<Order>.Subscription? _following;

    private enum TicketStep
    {
        Closed,
        Form,
        Confirm,
        Result,
    }

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    [Inject]
    private ILogger<OrderTicketDialog> Logger { get; set; } = default!;

    private string Title => _step switch
    {
        TicketStep.Confirm => "Confirm order",
        TicketStep.Result => "Order sent",
        _ => "New order",
    };

    private string? StrategyLine => _model.StrategyId is { } id ? $" · counts towards strategy {Desk.StrategyName(id)}" : null;

    /// <summary>Opens the ticket with what the entry point knows filled in.</summary>
    public void Open(TicketDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        StopFollowing();
        _model = new OrderTicketModel { Side = defaults.Side, Type = defaults.Type, StrategyId = defaults.StrategyId };
        _note = defaults.Note;
        if (defaults.Instrument is { } id && Desk.TryGetInstrument(id, out var instrument))
        {
            if (instrument.IsTradable)
            {
                Use(instrument, defaults.Product);
                _model.Lots = LotsFor(defaults.Quantity, instrument);
                if (defaults.Type is OrderType.Limit or OrderType.StopLoss && defaults.LimitPrice is > 0)
                {
                    _model.LimitPrice = defaults.LimitPrice;
                }
            }
            else
            {
                _note = $"{instrument.TradingSymbol} is an index: it is quoted, not traded. Pick a contract or a share.";
            }
        }

        _error = null;
        _preview = null;
        _outcome = null;
        _executing = false;
        Show(TicketStep.Form);
        StateHasChanged();
    }

    private int LotsFor(int? quantity, Instrument instrument)
    {
        var lotSize = Math.Max(instrument.LotSize, 1);
        if (quantity is not > 0)
        {
            return 1;
        }

        if (quantity.Value % lotSize != 0)
        {
            var lots = Math.Max(quantity.Value / lotSize, 1);
            _note = (_note is null ? string.Empty : _note + " ") +
                string.Create(CultureInfo.InvariantCulture, $"{quantity} units is not a whole number of lots of {lotSize}: the ticket starts at {lots} lot(s).");
            return lots;
        }

        return quantity.Value / lotSize;
    }

    private void Use(Instrument instrument, ProductType? product)
    {
        _model.Instrument = instrument;
        _model.Product = product ?? OrderTicketModel.UsualProduct(instrument);
    }

    private void Pick(Instrument instrument)
    {
        Use(instrument, null);
        _model.Lots = Math.Max(_model.Lots, 1);
        _error = null;
        _focusFor = TicketStep.Closed;
        Show(TicketStep.Form);
    }

    private void ChangeInstrument()
    {
        _model.Instrument = null;
        _focusFor = TicketStep.Closed;
        Show(TicketStep.Form);
    }

    private async Task ReviewAsync()
    {
        if (_reviewing)
        {
            return;
        }

        if (_model.Instrument is null)
        {
            _error = "Pick an instrument first.";
            return;
        }

        _reviewing = true;
        _error = null;
        try
        {
            _ticket = _model.ToTicket();
            _preview = await Desk.PreviewAsync(_ticket, _stop.Token);
            // One key per confirmation: every Execute press of this confirmation is the same order.
            _idempotencyKey = "ticket-" + Guid.NewGuid().ToString("N");
            Show(TicketStep.Confirm);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The ticket could not be reviewed");
            _error = "The order could not be checked: " + ex.Message;
        }
        finally
        {
            _reviewing = false;
        }
    }

    private void Back()
    {
        _error = null;
        Show(TicketStep.Form);
    }

    private async Task ExecuteAsync()
    {
        // The button disables itself on the first click; a click already on its way is stopped here.
        if (_executing || _ticket is null || _idempotencyKey is null || _preview is not { IsAllowed: true })
        {
            return;
        }

        _executing = true;
        _error = null;
        // Follow the order book from before the order exists, so a fill that comes back at once is not missed.
        StopFollowing();
        _following = Desk.SubscribeOrders();
        try
        {
            // Not the circuit's token: once pressed, the order is the server's to finish.
            _outcome = await Desk.PlaceAsync(_ticket, _idempotencyKey, CancellationToken.None);
            Show(TicketStep.Result);
            if (_outcome.Orders.Count > 0)
            {
                _ = FollowAsync(_following, [.. _outcome.Orders.Select(o => o.Id)], _stop.Token);
            }
            else
            {
                StopFollowing();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Placing a ticket failed");
            StopFollowing();
            _error = "The order may not have been sent: " + ex.Message + " Pressing Execute again cannot place it twice.";
        }
        finally
        {
            _executing = false;
        }
    }

    private async Task FollowAsync(EventStream<Order>.Subscription subscription, HashSet<Guid> ids, CancellationToken cancellationToken)
    {
        try
        {
            var reader = subscription.Reader;
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var mine = false;
                while (reader.TryRead(out var order))
                {
                    mine |= ids.Contains(order.Id);
                }

                if (mine)
                {
                    await InvokeAsync(StateHasChanged);
                    await Task.Delay(RenderInterval, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closed, or the circuit went away.
        }
    }

    private void Close()
    {
        if (_executing)
        {
            return;
        }

        StopFollowing();
        _step = TicketStep.Closed;
    }

    private void StopFollowing()
    {
        _following?.Dispose();
        _following = null;
    }

    private void Show(TicketStep step)
    {
        _step = step;
        if (_focusFor != step)
        {
            _focusFor = TicketStep.Closed;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_step == TicketStep.Closed || _focusFor == _step)
        {
            return;
        }

        // Focus inside the dialog on each step, so Enter reviews on the form and Escape closes anywhere.
        _focusFor = _step;
        switch (_step)
        {
            case TicketStep.Form when _model.Instrument is not null:
                await _lotsInput.FocusAsync();
                break;
            case TicketStep.Result:
                await _closeButton.FocusAsync();
                break;
            default:
                if (_frame is not null)
                {
                    await _frame.FocusAsync();
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        StopFollowing();
        _stop.Dispose();
    }
}
