using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;
using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>The batch runner: batch by batch, bought legs before sold ones, the kill switch checked before every batch.</summary>
public sealed partial class PlacementDesk
{
    private static readonly OrderSide[] SendOrder = [OrderSide.Buy, OrderSide.Sell];

    private async Task RunAsync(Guid id, PlacementPhase phase, int round, string actor, CancellationToken cancellationToken)
    {
        try
        {
            if (await RunBatchesAsync(id, phase, round, actor, cancellationToken).ConfigureAwait(false))
            {
                await FinishAsync(id, phase, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the stored state says Running, so the next start stops it and asks the trader.
        }
        catch (Exception ex)
        {
            LogRunFailed(_logger, ex, id);
            await StopAsync(id, $"Stopped by an unexpected error: {ex.Message}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <returns>True when every batch filled; false when it stopped (and the stop is recorded).</returns>
    private async Task<bool> RunBatchesAsync(Guid id, PlacementPhase phase, int round, string actor, CancellationToken cancellationToken)
    {
        var batches = Links(Find(id)!, phase, round).Select(o => o.Batch).Distinct().Order().ToList();
        var sentAny = false;
        foreach (var batch in batches)
        {
            var placement = Find(id)!;
            var links = Links(placement, phase, round).Where(o => o.Batch == batch).ToList();
            if (links.All(o => o.IsFilled))
            {
                // Filled before a stop or a restart: resuming never sends it again.
                continue;
            }

            // The system's own unwinds pass a tripped switch (ADR 8); everything else stops here before the batch.
            if (phase == PlacementPhase.Place && _gate.IsTripped)
            {
                await StopAsync(id, Invariant($"The kill switch is tripped: batch {batch} of {batches.Count} was not sent."), cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (sentAny && _options.FixedDelayBetweenBatchesMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_options.FixedDelayBetweenBatchesMilliseconds), _clock, cancellationToken).ConfigureAwait(false);
            }

            Show(placement, PlacementEventKind.BatchStarted, Invariant($"Batch {batch} of {batches.Count}: {links.Count} orders."));

            // Bought legs (hedges, a condor's wings) are sent and must fill before the sold legs of the batch go.
            foreach (var side in SendOrder)
            {
                var group = links.Where(o => o.Side == side).Select(o => o.IdempotencyKey).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                foreach (var key in group)
                {
                    var problem = await SendAsync(id, key, batch, phase, actor, cancellationToken).ConfigureAwait(false);
                    sentAny = true;
                    if (problem is not null)
                    {
                        await StopAsync(id, problem, cancellationToken).ConfigureAwait(false);
                        return false;
                    }
                }

                if (await SettleAsync(id, group, batch, cancellationToken).ConfigureAwait(false) is { } unfilled)
                {
                    await StopAsync(id, unfilled, cancellationToken).ConfigureAwait(false);
                    return false;
                }
            }

            placement = Find(id)!;
            var alert = HedgeAlertFor(placement);
            var completed = await CommitAsync(placement with { HedgeAlert = alert }, PlacementEventKind.BatchCompleted,
                Invariant($"Batch {batch} of {batches.Count} filled."), cancellationToken).ConfigureAwait(false);
            await AnnounceHedgeChangeAsync(placement, completed, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Sends one order (or finds it sent already) and links it; returns why the placement must stop, or null.</summary>
    private async Task<string?> SendAsync(Guid id, string key, int batch, PlacementPhase phase, string actor, CancellationToken cancellationToken)
    {
        var placement = Find(id)!;
        var link = placement.Orders.First(o => o.IdempotencyKey == key);
        var leg = placement.Leg(link.LegIndex);
        var what = Invariant($"Batch {batch}: {Words(link.Side)} {link.Quantity:N0} {leg.TradingSymbol}");
        if (link.OrderId is { } known && _orders.Find(known) is { } sent && sent.Status != OrderStatus.Failed)
        {
            // Sent before a stop: waiting for it is enough.
            Show(Replace(Find(id)!, key, l => l.With(sent)), PlacementEventKind.OrderPlaced, $"{what}: already sent ({Describe(sent)}).");
            return Problem(what, sent);
        }

        var unwind = phase == PlacementPhase.Unwind;
        var request = new OrderRequest(
            leg.Instrument,
            link.Side,
            link.Quantity,
            unwind ? OrderType.Market : leg.OrderType,
            placement.Product,
            !unwind && leg.OrderType == OrderType.Limit ? leg.LimitPrice : null,
            null,
            unwind ? OrderSource.System : OrderSource.Batch,
            actor,
            unwind ? OrderPurpose.Unwind : leg.Purpose,
            placement.StrategyId,
            placement.Id,
            key);
        await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await _orders.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        if (!outcome.Accepted)
        {
            var reasons = string.Join("; ", outcome.Problems);
            Show(Replace(Find(id)!, key, l => l with { Reason = reasons }), PlacementEventKind.OrderPlaced, $"{what} was refused: {reasons}");
            return $"{what} was refused: {reasons}";
        }

        // An earlier attempt's order carries the same key; the desk's answer may list its whole group.
        var order = outcome.Orders.FirstOrDefault(o => o.IdempotencyKey == key) ?? outcome.Orders[0];
        if (outcome.AlreadyPlaced && order.Status == OrderStatus.Failed)
        {
            // It never reached the broker (its tag proves it): the same order, same tag, is sent again.
            var retried = await _orders.RetryAsync(order.Id, actor, cancellationToken).ConfigureAwait(false);
            order = retried.Orders.FirstOrDefault() ?? order;
        }

        order = _orders.Find(order.Id) ?? order;
        Show(Replace(Find(id)!, key, l => l.With(order)), PlacementEventKind.OrderPlaced,
            $"{what}: {(outcome.AlreadyPlaced ? "found already placed" : "sent")} ({Describe(order)}).");
        return Problem(what, order);
    }

    /// <summary>Waits for a group's orders to fill; returns why the placement must stop, or null when all filled.</summary>
    private async Task<string?> SettleAsync(Guid id, IReadOnlyList<string> keys, int batch, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.FillTimeoutSeconds);
        var orderIds = Find(id)!.Orders.Where(o => keys.Contains(o.IdempotencyKey) && o.OrderId is not null).Select(o => o.OrderId!.Value).ToList();
        var settled = await Task.WhenAll(orderIds.Select(o => _orders.WaitForSettledAsync(o, timeout, cancellationToken))).ConfigureAwait(false);
        var unfilled = settled.Where(o => o.Status != OrderStatus.Filled).ToList();
        foreach (var order in unfilled.Where(o => OrderLifecycle.IsWorking(o.Status) || o.Status == OrderStatus.PendingSubmit))
        {
            // Nothing may fill behind the trader's back while the placement waits for a decision.
            await _orders.CancelAsync(order.Id, "system", cancellationToken).ConfigureAwait(false);
        }

        var placement = Find(id)!;
        foreach (var order in settled)
        {
            var now = _orders.Find(order.Id) ?? order;
            placement = Replace(placement, placement.Orders.First(o => o.OrderId == order.Id).IdempotencyKey, l => l.With(now));
        }

        Show(placement, PlacementEventKind.OrdersSettled, Invariant($"Batch {batch}: {settled.Length - unfilled.Count} of {settled.Length} orders filled."));
        if (unfilled.Count == 0)
        {
            return null;
        }

        var first = _orders.Find(unfilled[0].Id) ?? unfilled[0];
        var leg = placement.Leg(placement.Orders.First(o => o.OrderId == first.Id).LegIndex);
        return first.Status is OrderStatus.Rejected or OrderStatus.Failed
            ? Invariant($"Batch {batch}: {Words(first.Side)} {first.Quantity:N0} {leg.TradingSymbol} was {Describe(first)}.")
            : Invariant($"Batch {batch}: {Words(first.Side)} {first.Quantity:N0} {leg.TradingSymbol} did not fill within {_options.FillTimeoutSeconds} s ({first.FilledQuantity:N0} filled); what was working is cancelled.");
    }

    /// <summary>Records a stop: working orders cancelled, links up to date, the hedge check, then the trader is asked.</summary>
    private async Task StopAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var placement = Find(id)!;
        foreach (var link in placement.Orders.Where(o => o.OrderId is not null))
        {
            if (_orders.Find(link.OrderId!.Value) is { } order && (OrderLifecycle.IsWorking(order.Status) || order.Status == OrderStatus.PendingSubmit))
            {
                await _orders.CancelAsync(order.Id, "system", cancellationToken).ConfigureAwait(false);
            }
        }

        placement = Refreshed(Find(id)!);
        var unwinding = placement.Status == PlacementStatus.Unwinding;
        var stopped = placement with
        {
            Status = PlacementStatus.Stopped,
            StopReason = unwinding ? $"Unwind stopped: {reason} Unwind again, or keep what is held." : $"{reason} {ChoiceText(placement)}",
            HedgeAlert = HedgeAlertFor(placement),
        };
        stopped = await CommitAsync(stopped, PlacementEventKind.Stopped, stopped.StopReason!, cancellationToken).ConfigureAwait(false);
        LogStopped(_logger, id, placement.StrategyName, reason);
        await NotifyAsync(stopped, NotificationSeverity.Warning, $"{stopped.StrategyName} stopped", stopped.StopReason!).ConfigureAwait(false);
        await AnnounceHedgeChangeAsync(placement, stopped, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every batch filled: the placement completes; an exit or roll also updates the position it acted on.</summary>
    private async Task FinishAsync(Guid id, PlacementPhase phase, CancellationToken cancellationToken)
    {
        var placement = Refreshed(Find(id)!);
        if (phase == PlacementPhase.Unwind)
        {
            await CommitAsync(placement with { Status = PlacementStatus.Unwound, StopReason = null, HedgeAlert = null, ClosedAt = _clock.GetUtcNow() },
                PlacementEventKind.Unwound, "Unwound: everything placed has been reversed.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var summary = PlacementSummary.Of(placement);
        var done = await CommitAsync(placement with { Status = PlacementStatus.Completed, StopReason = null, HedgeAlert = HedgeAlertFor(placement) },
            PlacementEventKind.Completed, SummaryText(placement, summary), cancellationToken).ConfigureAwait(false);
        LogCompleted(_logger, id, done.StrategyName, summary.PremiumCollected);
        if (done.ParentId is { } entryId && Find(entryId) is { } entry && Position(entryId, _ => null) is { IsOpen: false })
        {
            await CommitAsync(entry with { ClosedAt = _clock.GetUtcNow(), HedgeAlert = null }, PlacementEventKind.Closed,
                $"{entry.StrategyName}: position closed by {done.StrategyName}.", cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<PlacementOrder> Links(Placement placement, PlacementPhase phase, int round) =>
        placement.Orders.Where(o => o.Phase == phase && o.Round == round);

    private static Placement Replace(Placement placement, string key, Func<PlacementOrder, PlacementOrder> change) =>
        placement with { Orders = [.. placement.Orders.Select(o => o.IdempotencyKey == key ? change(o) : o)] };

    private static string? Problem(string what, Order order) =>
        order.Status is OrderStatus.Rejected or OrderStatus.Failed or OrderStatus.Cancelled ? $"{what} was {Describe(order)}." : null;

    private static string Describe(Order order) =>
        (order.BrokerOrderId is { } number ? $"broker order {number}, " : string.Empty) + order.Status.ToString().ToLowerInvariant()
        + (order.Reason is { } reason ? $": {reason}" : string.Empty);

    private static string Words(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    private static string SummaryText(Placement placement, PlacementSummary summary)
    {
        var legs = string.Join(", ", summary.Legs.Select(l => Invariant($"{Words(l.Side)} {l.FilledQuantity:N0} {l.TradingSymbol} @ {l.AveragePrice:0.00}")));
        var options = summary.CallOrders + summary.PutOrders > 0
            ? Invariant($" Call orders {summary.CallOrdersFilled} of {summary.CallOrders} filled, put orders {summary.PutOrdersFilled} of {summary.PutOrders} filled.")
            : string.Empty;
        var premium = summary.PremiumCollected >= 0
            ? Invariant($" Premium collected {summary.PremiumCollected:0.00}.")
            : Invariant($" Premium paid {-summary.PremiumCollected:0.00}.");
        return $"{placement.StrategyName} placed: {legs}.{options}{premium}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Placement {PlacementId} ({Name}) stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, Guid placementId, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Placement {PlacementId} ({Name}) completed; premium collected {Premium}")]
    private static partial void LogCompleted(ILogger logger, Guid placementId, string name, decimal premium);

    [LoggerMessage(Level = LogLevel.Error, Message = "Placement {PlacementId} failed unexpectedly")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid placementId);
}
