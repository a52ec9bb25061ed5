using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>Placing, modifying and cancelling orders.</summary>
public sealed partial class PaperBroker
{
    /// <inheritdoc />
    /// <remarks>
    /// Like Kotak, a well-formed order is accepted and given a number even when the broker then
    /// rejects it (funds, lot size, freeze quantity, price band, market closed): the order book row
    /// says Rejected with the reason. Only a malformed request (no quantity, unknown or untradable
    /// instrument, missing price, a tag already used) is refused at once without an order number:
    /// a second row carrying a used tag would make a lookup by tag ambiguous.
    /// </remarks>
    public async Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loseAcknowledgement = false;
        if (Faults.TryTakePlaceFailure(out var fault))
        {
            if (fault != BrokerErrorKind.Unknown)
            {
                LogFaultInjected(fault, request.Tag);
                return BrokerResult<string>.Fail(fault, $"Simulated failure ({fault}): nothing was placed.");
            }

            loseAcknowledgement = true;
        }

        await DelayAsync(cancellationToken);
        BrokerResult<string> result;
        lock (_gate)
        {
            result = _disposed ? Stopped() : PlaceLocked(request);
        }

        if (loseAcknowledgement && result.IsSuccess)
        {
            LogFaultInjected(BrokerErrorKind.Unknown, request.Tag);
            return BrokerResult<string>.Fail(BrokerErrorKind.Unknown, "Simulated timeout: no acknowledgement received; look the order up by its tag.");
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await DelayAsync(cancellationToken);
        lock (_gate)
        {
            if (_disposed)
            {
                return Stopped();
            }

            if (FindWorkingLocked(request.BrokerOrderId, out var order) is { } notFound)
            {
                return notFound;
            }

            var now = _clock.GetUtcNow();
            if (ModifyProblemLocked(order, request) is { } problem)
            {
                LogModifyRefused(order.Id, problem);
                return BrokerResult<string>.Fail(BrokerErrorKind.Refused, problem);
            }

            // A stop order stays triggered only when its trigger is left alone.
            var isStop = request.Type is OrderType.StopLoss or OrderType.StopLossMarket;
            order.IsTriggered = isStop && order.IsStop && order.IsTriggered && request.TriggerPrice == order.TriggerPrice;
            order.Type = request.Type;
            order.Quantity = request.Quantity;
            order.Price = UsesPrice(request.Type) ? request.Price : 0m;
            order.TriggerPrice = isStop ? request.TriggerPrice : 0m;
            order.BrokerStatus = order.WorkingWord;
            order.UpdatedAt = now;
            PublishLocked(order);
            LogModified(order.Id, order.Quantity, order.Price, order.TriggerPrice);
            if (_quotes.TryGetValue(order.Instrument.Id, out var quote))
            {
                MatchLocked(order, quote.Last, now);
            }

            return BrokerResult<string>.Ok(order.Id);
        }
    }

    /// <inheritdoc />
    public async Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brokerOrderId);
        await DelayAsync(cancellationToken);
        lock (_gate)
        {
            if (_disposed)
            {
                return Stopped();
            }

            if (FindWorkingLocked(brokerOrderId, out var order) is { } notFound)
            {
                return notFound;
            }

            order.Close(OrderStatus.Cancelled, KotakOrderStates.Cancelled, null);
            order.UpdatedAt = _clock.GetUtcNow();
            RemoveWorkingLocked(order);
            PublishLocked(order);
            LogCancelled(order.Id);
            return BrokerResult<string>.Ok(order.Id);
        }
    }

    private BrokerResult<string> PlaceLocked(BrokerOrderRequest request)
    {
        if (MalformedLocked(request, out var instrument) is { } malformed)
        {
            LogRefused(request.Tag, malformed);
            return BrokerResult<string>.Fail(BrokerErrorKind.Refused, malformed);
        }

        var now = _clock.GetUtcNow();
        var tag = string.IsNullOrWhiteSpace(request.Tag) ? null : request.Tag;

        // An AMO sent while the session is open is simply a day order (the screen may be a second late).
        var afterMarket = request.AfterMarket && !_hours.IsOpen(now);
        var order = new PaperOrder(NextOrderIdLocked(now), tag, instrument, request.Side, request.Product, request.Validity, afterMarket)
        {
            Type = request.Type,
            Quantity = request.Quantity,
            Price = UsesPrice(request.Type) ? request.Price : 0m,
            TriggerPrice = request.Type is OrderType.StopLoss or OrderType.StopLossMarket ? request.TriggerPrice : 0m,
            UpdatedAt = now,
        };
        _orders.Add(order.Id, order);
        if (tag is not null)
        {
            _tags.Add(tag);
        }

        if (RejectionLocked(order, request.AfterMarket, now) is { } reason)
        {
            order.Close(OrderStatus.Rejected, KotakOrderStates.Rejected, reason);
            PublishLocked(order);
            LogRejected(order.Id, tag, reason);
            return BrokerResult<string>.Ok(order.Id);
        }

        if (afterMarket)
        {
            order.IsActive = false;
            order.ActiveFrom = _hours.NextOpen(now);
        }

        order.Status = OrderStatus.Open;
        order.BrokerStatus = order.WorkingWord;
        AddWorkingLocked(order);
        PublishLocked(order);
        LogPlaced(order.Id, tag, instrument.TradingSymbol, order.Side, order.Quantity, order.Type, order.Price);
        if (_quotes.TryGetValue(instrument.Id, out var quote))
        {
            MatchLocked(order, quote.Last, now);
        }

        return BrokerResult<string>.Ok(order.Id);
    }

    /// <summary>Finds a working order for a modify or cancel; the error when there is none (Kotak's "order is completed").</summary>
    private BrokerResult<string>? FindWorkingLocked(string brokerOrderId, out PaperOrder order)
    {
        if (!_orders.TryGetValue(brokerOrderId, out order!))
        {
            return BrokerResult<string>.Fail(BrokerErrorKind.NotFound, $"Order {brokerOrderId} not found.");
        }

        FlushPendingLocked(order);
        return order.IsWorking ? null : BrokerResult<string>.Fail(BrokerErrorKind.NotFound, $"Order {brokerOrderId}: order is {order.BrokerStatus}.");
    }

    private async Task DelayAsync(CancellationToken cancellationToken)
    {
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, _clock, cancellationToken);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static bool UsesPrice(OrderType type) => type is OrderType.Limit or OrderType.StopLoss;

    private static BrokerResult<string> Stopped() => BrokerResult<string>.Fail(BrokerErrorKind.Unreachable, "The paper broker is stopped.");
}
