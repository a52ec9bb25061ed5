using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

/// <summary>
/// A filled entry's stop-loss (SL-M) and target (limit) resting at the broker, so a position
/// stays protected even if this process is down. The two are one-cancels-the-other: when one
/// fills, the other is cancelled; when the strategy exits by itself, both are cancelled first.
/// </summary>
public sealed class ProtectiveOrders(OrderManager orders)
{
    /// <summary>Places the stop and/or target for a filled entry; returns what was sent (refusals are in the outcomes).</summary>
    public async Task<IReadOnlyList<OrderOutcome>> PlaceAsync(Order entry, Instrument instrument, decimal? stopLoss, decimal? target, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(instrument);
        var outcomes = new List<OrderOutcome>();
        if (entry.FilledQuantity <= 0)
        {
            return outcomes;
        }

        var exitSide = entry.Side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
        var group = entry.GroupId ?? entry.Id;
        if (stopLoss is > 0 and var stop)
        {
            outcomes.Add(await orders.SubmitAsync(new OrderRequest(entry.Instrument, exitSide, entry.FilledQuantity, OrderType.StopLossMarket, entry.Product,
                null, instrument.RoundToTick(stop), OrderSource.Strategy, requestedBy, OrderPurpose.StopLoss, entry.StrategyId, group), cancellationToken).ConfigureAwait(false));
        }

        if (target is > 0 and var take)
        {
            outcomes.Add(await orders.SubmitAsync(new OrderRequest(entry.Instrument, exitSide, entry.FilledQuantity, OrderType.Limit, entry.Product,
                instrument.RoundToTick(take), null, OrderSource.Strategy, requestedBy, OrderPurpose.Target, entry.StrategyId, group), cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>One protective order filled: cancel its partner.</summary>
    public async Task OnOrderChangedAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Purpose is not (OrderPurpose.StopLoss or OrderPurpose.Target) || order.Status != OrderStatus.Filled || order.GroupId is null)
        {
            return;
        }

        foreach (var partner in orders.Orders.Where(o => o.GroupId == order.GroupId && o.Id != order.Id
            && o.Purpose is OrderPurpose.StopLoss or OrderPurpose.Target && OrderLifecycle.IsActive(o.Status) && o.Status != OrderStatus.Failed))
        {
            await orders.CancelAsync(partner.Id, "system", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels the resting stops and targets of a strategy in an instrument (before it exits by itself).</summary>
    public async Task<int> CancelForAsync(Guid? strategyId, InstrumentId instrument, CancellationToken cancellationToken)
    {
        var resting = orders.Orders.Where(o => o.StrategyId == strategyId && o.Instrument == instrument
            && o.Purpose is OrderPurpose.StopLoss or OrderPurpose.Target && OrderLifecycle.IsActive(o.Status) && o.Status != OrderStatus.Failed).ToList();
        foreach (var order in resting)
        {
            await orders.CancelAsync(order.Id, "system", cancellationToken).ConfigureAwait(false);
        }

        return resting.Count;
    }
}
