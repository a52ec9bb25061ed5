using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Step 1: every order the desk holds is checked against the broker's order book one last time,
/// through the desk's own reconciliation: rows are applied as status checks (last_status_check),
/// intents the broker never saw are marked failed, and working orders the book no longer has
/// (expired DAY orders) are closed.
/// </summary>
public sealed class FinalOrderVerificationStep(OrderManager orders) : IEndOfDayStep
{
    /// <summary>The actor written into the orders' history.</summary>
    public const string Actor = "end-of-day";

    /// <inheritdoc />
    public int Number => 1;

    /// <inheritdoc />
    public string Name => "Final verification of every order's status";

    /// <inheritdoc />
    public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
    {
        var active = orders.Orders.Where(o => OrderLifecycle.IsActive(o.Status)).ToList();
        var book = await orders.Gateway.GetOrderBookAsync(cancellationToken).ConfigureAwait(false);
        if (!book.IsSuccess)
        {
            return EndOfDayStepOutcome.Failed($"The broker's order book could not be read: {book.Error!.Message}. {active.Count} active orders left unverified.");
        }

        var rows = book.Value!;
        if (rows.Count == 0 && active.Count == 0)
        {
            return EndOfDayStepOutcome.Skipped("No active orders, and nothing in the broker's order book.");
        }

        var foreign = await orders.ReconcileOrdersAsync(rows, Actor, cancellationToken).ConfigureAwait(false);
        var changed = active
            .Select(before => new OrderStatusChange(before, orders.Find(before.Id) ?? before))
            .Where(c => c.After.Status != c.Before.Status || c.After.FilledQuantity != c.Before.FilledQuantity)
            .ToList();
        var stillActive = orders.Orders.Count(o => OrderLifecycle.IsActive(o.Status));
        var detail = $"{rows.Count - foreign.Count} of our orders verified against the broker's book ({foreign.Count} rows not ours); "
            + $"{changed.Count} of {active.Count} active orders changed; {stillActive} still active."
            + OperationsText.List(changed.Select(c => c.Describe()));
        return EndOfDayStepOutcome.Done(detail);
    }
}
