using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>Changes a working order's quantity, limit or trigger, after a confirmation that lists each change.</summary>
public sealed partial class ModifyOrderDialog
{
    private Order? _order;
    private int _quantity;
    private decimal? _limitPrice;
    private decimal? _triggerPrice;
    private bool _confirming;
    private bool _sending;
    private string? _error;
    private string? _result;
    private bool _resultIsError;

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    public void Open(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _order = order;
        _quantity = order.Quantity;
        _limitPrice = order.LimitPrice;
        _triggerPrice = order.TriggerPrice;
        _confirming = false;
        _error = null;
        _result = null;
        StateHasChanged();
    }

    private void Review()
    {
        if (_order is not { } order)
        {
            return;
        }

        if (!Changes(order).Any(line => line.Contains('→', StringComparison.Ordinal)))
        {
            _error = "Nothing is changed.";
            return;
        }

        _error = null;
        _confirming = true;
    }

    private IEnumerable<string> Changes(Order order)
    {
        yield return $"Quantity {TradingFormat.Quantity(order.Quantity)}" + (_quantity != order.Quantity ? $" → {TradingFormat.Quantity(_quantity)}" : " (unchanged)");
        if (order.Type is OrderType.Limit or OrderType.StopLoss)
        {
            yield return $"Limit {TradingFormat.Price(order.LimitPrice)}" + (_limitPrice != order.LimitPrice ? $" → {TradingFormat.Price(_limitPrice)}" : " (unchanged)");
        }

        if (order.Type is OrderType.StopLoss or OrderType.StopLossMarket)
        {
            yield return $"Trigger {TradingFormat.Price(order.TriggerPrice)}" + (_triggerPrice != order.TriggerPrice ? $" → {TradingFormat.Price(_triggerPrice)}" : " (unchanged)");
        }
    }

    private async Task SendAsync()
    {
        if (_sending || _order is not { } order)
        {
            return;
        }

        _sending = true;
        try
        {
            var outcome = await Desk.ModifyAsync(order.Id, _quantity,
                order.Type is OrderType.Limit or OrderType.StopLoss ? _limitPrice : null,
                order.Type is OrderType.StopLoss or OrderType.StopLossMarket ? _triggerPrice : null,
                CancellationToken.None);
            _result = outcome.Accepted ? "Modified: " + outcome.Message : outcome.Message;
            _resultIsError = !outcome.Accepted;
        }
        finally
        {
            _sending = false;
        }
    }

    private void Close()
    {
        if (!_sending)
        {
            _order = null;
        }
    }
}
