using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>The trader's choices after a stop: resume, unwind what was placed, or keep it.</summary>
public sealed partial class PlacementDesk
{
    /// <summary>
    /// Sends the rest of a stopped placement (after the kill switch was reset, or a restart).
    /// Orders already sent are never sent again: their keys find them. Refused when an order was
    /// rejected or cancelled (sending the rest would not make the structure whole): unwind or keep.
    /// </summary>
    public Task<PlacementResult> ResumeAsync(Guid id, string actor, CancellationToken cancellationToken) =>
        CommandAsync(id, async placement =>
        {
            if (placement.Status != PlacementStatus.Stopped || placement.Orders.Any(o => o.Phase == PlacementPhase.Unwind))
            {
                return PlacementResult.Refused(placement, $"Only a stopped placement that was not unwound can be resumed; this one is {Word(placement.Status)}.");
            }

            if (placement.Planned.FirstOrDefault(o => o.Status is OrderStatus.Rejected || (o.Status == OrderStatus.Cancelled && !o.IsFilled)) is { } dead)
            {
                return PlacementResult.Refused(placement,
                    $"{placement.Leg(dead.LegIndex).TradingSymbol} was {dead.Status?.ToString().ToLowerInvariant()}{(dead.Reason is null ? string.Empty : ": " + dead.Reason)}. Resuming cannot replace it: unwind or keep.");
            }

            if (_gate.IsTripped)
            {
                return PlacementResult.Refused(placement, "The kill switch is tripped: nothing can be sent until an admin resets it.");
            }

            var running = await CommitAsync(placement with { Status = PlacementStatus.Running, StopReason = null }, PlacementEventKind.Resumed,
                $"Resumed by {actor}.", cancellationToken).ConfigureAwait(false);
            Start(id, PlacementPhase.Place, 0, actor);
            return PlacementResult.Done(running);
        }, cancellationToken);

    /// <summary>
    /// Reverses what a stopped entry placed: every leg's filled quantity bought or sold back at
    /// market, in batches, bought legs first (a condor's short legs are bought back before its wings
    /// are sold). These are the system's own unwind orders: a tripped kill switch lets them through.
    /// </summary>
    public Task<PlacementResult> UnwindAsync(Guid id, string actor, CancellationToken cancellationToken) =>
        CommandAsync(id, async placement =>
        {
            if (placement.Kind != PlacementKind.Entry || placement.Status != PlacementStatus.Stopped)
            {
                return PlacementResult.Refused(placement, placement.Kind == PlacementKind.Entry
                    ? $"Only a stopped placement can be unwound; this one is {Word(placement.Status)}. Close an open position instead."
                    : "An exit or a roll is not unwound: resume it, or keep it and close the position.");
            }

            var round = placement.Orders.Max(o => o.Round) + 1;
            var legs = new List<PlacementLeg>();
            foreach (var leg in placement.Legs)
            {
                var held = placement.Orders.Where(o => o.LegIndex == leg.Index).Sum(o => (o.Side == OrderSide.Buy ? 1 : -1) * FilledNow(o));
                if (held != 0)
                {
                    legs.Add(leg with { Side = held > 0 ? OrderSide.Sell : OrderSide.Buy, Quantity = Math.Abs(held), OrderType = OrderType.Market, LimitPrice = null, Purpose = OrderPurpose.Unwind });
                }
            }

            if (legs.Count == 0)
            {
                var flat = await CommitAsync(placement with { Status = PlacementStatus.Unwound, StopReason = null, HedgeAlert = null, ClosedAt = _clock.GetUtcNow() },
                    PlacementEventKind.Unwound, "Nothing had filled: nothing to unwind.", cancellationToken).ConfigureAwait(false);
                return PlacementResult.Done(flat);
            }

            var plan = BatchPlanner.Plan(legs, placement.MaxLotsPerBatch);
            var unwinding = placement with
            {
                Status = PlacementStatus.Unwinding,
                StopReason = null,
                Orders = [.. placement.Orders, .. PlacementKeys.Links(placement.Id, plan, legs, PlacementPhase.Unwind, round)],
            };
            unwinding = await CommitAsync(unwinding, PlacementEventKind.Unwinding,
                Invariant($"Unwinding by {actor}: {plan.OrderCount} orders in {plan.BatchCount} batches."), cancellationToken).ConfigureAwait(false);
            Start(id, PlacementPhase.Unwind, round, actor);
            return PlacementResult.Done(unwinding);
        }, cancellationToken);

    /// <summary>Keeps what a stopped placement placed: it stays a position, tracked with its P&amp;L, to be closed later.</summary>
    public Task<PlacementResult> KeepAsync(Guid id, string actor, CancellationToken cancellationToken) =>
        CommandAsync(id, async placement =>
        {
            if (placement.Status != PlacementStatus.Stopped)
            {
                return PlacementResult.Refused(placement, $"Only a stopped placement can be kept; this one is {Word(placement.Status)}.");
            }

            var kept = await CommitAsync(placement with { Status = PlacementStatus.Kept }, PlacementEventKind.Kept,
                $"Kept by {actor}: what was placed stays as it is." + (placement.HedgeAlert is { } alert ? $" Hedge check: {alert}" : string.Empty), cancellationToken).ConfigureAwait(false);
            return PlacementResult.Done(kept);
        }, cancellationToken);

    /// <summary>Runs a command on one placement under the command lock; refused while its batches run.</summary>
    private async Task<PlacementResult> CommandAsync(Guid id, Func<Placement, Task<PlacementResult>> command, CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Find(id) is not { } placement)
            {
                return PlacementResult.Refused("No such placement.");
            }

            if (placement.IsBusy)
            {
                return PlacementResult.Refused(placement, $"{placement.StrategyName} is still {Word(placement.Status)}: wait for it to finish or stop.");
            }

            return await command(Refreshed(placement)).ConfigureAwait(false);
        }
        finally
        {
            _commands.Release();
        }
    }

    private int FilledNow(PlacementOrder link) => link.OrderId is { } id && _orders.Find(id) is { } order ? order.FilledQuantity : link.FilledQuantity;

    /// <summary>The hedge check of the position <paramref name="placement"/> belongs to, with <paramref name="placement"/> as it is now.</summary>
    private string? HedgeAlertFor(Placement placement)
    {
        var entry = placement.Kind == PlacementKind.Entry ? placement : placement.ParentId is { } parent ? Find(parent) : null;
        if (entry is null)
        {
            return null;
        }

        var family = Family(entry.Id).Where(p => p.Id != placement.Id).Append(placement);
        return HedgeCheck.Alert(entry, family);
    }

    /// <summary>Publishes and notifies a hedge alert that appeared or cleared.</summary>
    private async Task AnnounceHedgeChangeAsync(Placement before, Placement after, CancellationToken cancellationToken)
    {
        if (before.HedgeAlert == after.HedgeAlert)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var message = after.HedgeAlert is { } alert ? $"Hedge check: {alert}" : "Hedge check: calls and puts are in balance again.";
        Progress.Publish(new PlacementProgress(after, PlacementEventKind.HedgeCheck, message, _clock.GetUtcNow()));
        if (after.HedgeAlert is not null)
        {
            await NotifyAsync(after, NotificationSeverity.Critical, $"{after.StrategyName}: hedge check", message).ConfigureAwait(false);
        }
    }

    private static string Word(PlacementStatus status) => status switch
    {
        PlacementStatus.Running => "running",
        PlacementStatus.Unwinding => "unwinding",
        PlacementStatus.Ready => "ready",
        _ => status.ToString().ToLowerInvariant(),
    };
}
