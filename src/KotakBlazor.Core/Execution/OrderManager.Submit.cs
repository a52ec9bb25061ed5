using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>
    /// Checks a request, stores its intents (one per slice) and sends them. Returns when every
    /// slice has the broker's answer. A request whose idempotency key was used before places
    /// nothing and returns the earlier orders.
    /// </summary>
    public async Task<OrderOutcome> SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The desk holds every recent order, so a key used before is found without a read; an older
        // one is caught by the store's unique index on insert, and then looked up there.
        if (request.IdempotencyKey is { } key && _byIdempotencyKey.TryGetValue(key, out var earlierId) && PlacedWith(Find(earlierId)!) is { } earlier)
        {
            return earlier;
        }

        var decision = await _decider.DecideAsync(request, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogRefused(_logger, request.Side, request.Quantity, request.Instrument.ToString(), string.Join("; ", decision.Refusals));
            return OrderOutcome.Refused(decision.Refusals);
        }

        var intents = CreateIntents(request, decision);
        var duplicate = false;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var intent in intents)
            {
                await _store.InsertAsync(intent, new OrderEvent(intent.Id, intent.PlacedAt, OrderEventKind.Created, null, OrderStatus.PendingSubmit,
                    Describe(intent, decision), request.RequestedBy), cancellationToken).ConfigureAwait(false);
                Remember(intent);
                Changes.Publish(intent);
            }
        }
        catch (DuplicateOrderException) when (request.IdempotencyKey is not null)
        {
            // Another tab or a double click stored the same key a moment earlier: that one places it.
            duplicate = true;
        }
        finally
        {
            _lock.Release();
        }

        if (duplicate)
        {
            return await FindPlacedAsync(request.IdempotencyKey!, cancellationToken).ConfigureAwait(false)
                ?? OrderOutcome.Refused(["This order is being placed already."]);
        }

        var problems = new List<string>();
        foreach (var intent in intents)
        {
            var sent = await SendAsync(intent.Id, cancellationToken).ConfigureAwait(false);
            if (sent.Status is OrderStatus.Rejected or OrderStatus.Failed)
            {
                problems.Add($"{sent.TradingSymbol} {sent.Quantity}: {sent.Reason}");
            }
        }

        return new OrderOutcome(true, [.. intents.Select(i => Find(i.Id)!)], problems);
    }

    /// <summary>Sends a failed order again (same tag, so it can never be placed twice).</summary>
    public async Task<OrderOutcome> RetryAsync(Guid orderId, string actor, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_orders.TryGetValue(orderId, out var order) || order.Status != OrderStatus.Failed)
            {
                return OrderOutcome.Refused(["Only a failed order can be retried."]);
            }

            var now = _clock.GetUtcNow();
            var next = order with { Status = OrderStatus.PendingSubmit, RetryCount = order.RetryCount + 1, LastRetryAt = now, UpdatedAt = now };
            await CommitAsync(next, [new OrderEvent(orderId, now, OrderEventKind.Retried, OrderStatus.Failed, OrderStatus.PendingSubmit, "Retried by hand", actor)], [], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }

        var sent = await SendAsync(orderId, cancellationToken).ConfigureAwait(false);
        return new OrderOutcome(true, [sent], sent.Status is OrderStatus.Rejected or OrderStatus.Failed ? [sent.Reason ?? "failed"] : []);
    }

    private List<Order> CreateIntents(OrderRequest request, OrderDecision decision)
    {
        var now = _clock.GetUtcNow();
        var groupId = request.GroupId ?? (decision.Slices.Count > 1 ? Guid.NewGuid() : null);
        var intents = new List<Order>(decision.Slices.Count);
        for (var i = 0; i < decision.Slices.Count; i++)
        {
            intents.Add(new Order
            {
                Id = Guid.NewGuid(),
                Tag = OrderTags.New(),
                Instrument = request.Instrument,
                TradingSymbol = decision.Instrument!.TradingSymbol,
                Side = request.Side,
                Quantity = decision.Slices[i],
                Type = request.Type,
                Product = request.Product,
                LimitPrice = request.LimitPrice,
                TriggerPrice = request.TriggerPrice,
                AfterMarket = request.AfterMarket,
                Validity = request.Validity,
                Status = OrderStatus.PendingSubmit,
                Source = request.Source,
                RequestedBy = request.RequestedBy,
                Purpose = request.Purpose,
                StrategyId = request.StrategyId,
                GroupId = groupId,
                IdempotencyKey = request.IdempotencyKey is null ? null : i == 0 ? request.IdempotencyKey : $"{request.IdempotencyKey}#{i}",
                PlacedAt = now,
                UpdatedAt = now,
            });
        }

        return intents;
    }

    private static string Describe(Order intent, OrderDecision decision) =>
        $"Intent stored: {intent.Side} {intent.Quantity} {intent.TradingSymbol} {intent.Type}"
        + (intent.LimitPrice is { } limit ? $" @ {limit}" : string.Empty)
        + (intent.TriggerPrice is { } trigger ? $" trigger {trigger}" : string.Empty)
        + (decision.LastPrice is { } ltp ? $" (LTP {ltp})" : string.Empty)
        + (decision.Slices.Count > 1 ? $", slice of {decision.Slices.Count}" : string.Empty);

    private async Task<OrderOutcome?> FindPlacedAsync(string key, CancellationToken cancellationToken)
    {
        var first = _byIdempotencyKey.TryGetValue(key, out var id) ? Find(id)
            : await _store.FindByIdempotencyKeyAsync(key, cancellationToken).ConfigureAwait(false);
        return first is null ? null : PlacedWith(first);
    }

    private OrderOutcome PlacedWith(Order first)
    {
        IReadOnlyList<Order> orders = first.GroupId is { } group && _orders.Values.Where(o => o.GroupId == group).ToList() is { Count: > 0 } inGroup
            ? inGroup
            : [Find(first.Id) ?? first];
        return new OrderOutcome(true, orders, [], AlreadyPlaced: true);
    }

    /// <summary>Sends one stored intent: pacing, the kill switch gate, the broker call, retries that can never place twice.</summary>
    private async Task<Order> SendAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(_options.RetryDelayMilliseconds);
        for (var attempt = 0; ; attempt++)
        {
            var order = Find(orderId)!;
            if (_gate.IsTripped && !ReducesRisk(order))
            {
                // Do not queue for a turn that can only end at a closed gate.
                return OrderLifecycle.IsFinal(order.Status)
                    ? order
                    : await MoveAsync(orderId, OrderStatus.Failed, "Not sent: the kill switch is tripped.", "kill-switch", cancellationToken).ConfigureAwait(false);
            }

            await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            if (Find(orderId) is { } current && OrderLifecycle.IsFinal(current.Status))
            {
                // Cancelled while it waited for its turn (the kill switch's sweep, a trader): nothing to send.
                return current;
            }

            BrokerResult<string> result;
            using (var permit = _gate.TryEnter(ReducesRisk(order)))
            {
                if (permit is null)
                {
                    return Find(orderId) is { } swept && OrderLifecycle.IsFinal(swept.Status)
                        ? swept
                        : await MoveAsync(orderId, OrderStatus.Failed, "Not sent: the kill switch is tripped.", "kill-switch", cancellationToken).ConfigureAwait(false);
                }

                result = await _gateway.PlaceAsync(BrokerOrderRequest.For(order), cancellationToken).ConfigureAwait(false);
                if (result.IsSuccess)
                {
                    // Recorded before the permit is let go, so a trip that waits for sends in flight then sees the order as working.
                    return await AcknowledgeAsync(orderId, result.Value!, cancellationToken).ConfigureAwait(false);
                }
            }

            var error = result.Error!;
            switch (error.Kind)
            {
                case BrokerErrorKind.Refused or BrokerErrorKind.NotFound:
                    return await MoveAsync(orderId, OrderStatus.Rejected, error.Message, "broker", cancellationToken).ConfigureAwait(false);
                case BrokerErrorKind.Unknown or BrokerErrorKind.Malformed:
                    // The order may be at the broker: never resend blindly, look it up by its tag.
                    return await ResolveByTagAsync(orderId, error, cancellationToken).ConfigureAwait(false);
                default:
                    if (attempt >= _options.MaxRetries)
                    {
                        return await MoveAsync(orderId, OrderStatus.Failed, $"Not sent after {attempt + 1} tries: {error.Message}", "broker", cancellationToken).ConfigureAwait(false);
                    }

                    await NoteRetryAsync(orderId, error, cancellationToken).ConfigureAwait(false);
                    await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
                    delay *= 2;
                    break;
            }
        }
    }

    /// <summary>The system's own square-off and unwind orders: the only ones a tripped kill switch lets through.</summary>
    internal static bool ReducesRisk(Order order) => order.Source == OrderSource.System && order.Purpose is OrderPurpose.Exit or OrderPurpose.Unwind;

    /// <summary>
    /// Records the broker's number. Pushes that arrived meanwhile (the paper broker fills a market
    /// order inside <c>PlaceAsync</c>) are stored in the same write, so the order costs one write
    /// fewer and the next one does not wait behind the listener's.
    /// </summary>
    private async Task<Order> AcknowledgeAsync(Guid orderId, string brokerOrderId, CancellationToken cancellationToken)
    {
        List<object> taken;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new PushBatch(this);
            batch.AddAcknowledgement(orderId, brokerOrderId);
            taken = DrainPushes(batch);
            try
            {
                await CommitAllAsync(batch.Changes, cancellationToken).ConfigureAwait(false);
                return _orders[orderId];
            }
            catch (Exception ex) when (ex is not OperationCanceledException && taken.Count > 0)
            {
                LogBatchFailed(_logger, ex, taken.Count + 1);
            }

            // A push spoilt the write: the acknowledgement alone, then each push alone.
            var (next, events) = OrderTransitions.Acknowledged(_orders[orderId], brokerOrderId, _clock.GetUtcNow());
            await CommitAsync(next, events, [], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }

        await StoreAloneAsync(taken, cancellationToken).ConfigureAwait(false);
        return Find(orderId)!;
    }

    private async Task NoteRetryAsync(Guid orderId, BrokerError error, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var order = _orders[orderId];
            var now = _clock.GetUtcNow();
            var next = order with { RetryCount = order.RetryCount + 1, LastRetryAt = now, FirstFailedAt = order.FirstFailedAt ?? now, UpdatedAt = now };
            await CommitAsync(next, [new OrderEvent(orderId, now, OrderEventKind.Retried, null, null, $"Retrying: {error}", "system")], [], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<Order> MoveAsync(Guid orderId, OrderStatus status, string reason, string actor, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (next, events) = OrderTransitions.To(_orders[orderId], status, reason, _clock.GetUtcNow(), actor);
            await CommitAsync(next, events, [], cancellationToken).ConfigureAwait(false);
            return next;
        }
        finally
        {
            _lock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order refused before sending: {Side} {Quantity} {Instrument}: {Reasons}")]
    private static partial void LogRefused(ILogger logger, OrderSide side, int quantity, string instrument, string reasons);
}
