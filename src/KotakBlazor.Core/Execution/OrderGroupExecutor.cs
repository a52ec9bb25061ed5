using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

/// <summary>
/// Places a multi-leg group (a spread, a strangle, a condor) leg by leg, hedges (buys) before
/// short legs, each leg waiting for its fill before the next goes. If a leg is refused, fails,
/// or does not fill in time, the working orders are cancelled and the filled legs unwound with
/// opposite market orders, so the account is never left with a naked short leg.
/// </summary>
public sealed class OrderGroupExecutor(OrderManager orders, ExecutionOptions options)
{
    /// <summary>Places the legs as one group and reports on every leg.</summary>
    public async Task<GroupReport> PlaceAsync(IReadOnlyList<OrderRequest> legs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0)
        {
            return new GroupReport(Guid.Empty, false, [], "A group needs at least one leg.");
        }

        var groupId = Guid.NewGuid();
        var ordered = legs.Select((leg, index) => (leg, index)).OrderBy(l => l.leg.Side == OrderSide.Buy ? 0 : 1).ThenBy(l => l.index).Select(l => l.leg).ToList();
        var reports = ordered.Select(leg => new LegReport(leg, LegStatus.NotSent, [], null)).ToList();
        var timeout = TimeSpan.FromSeconds(options.LegFillTimeoutSeconds);
        for (var i = 0; i < ordered.Count; i++)
        {
            var leg = ordered[i] with { GroupId = groupId, IdempotencyKey = ordered[i].IdempotencyKey is { } key ? $"{key}/leg{i}" : null };
            var outcome = await orders.SubmitAsync(leg, cancellationToken).ConfigureAwait(false);
            if (!outcome.Accepted)
            {
                reports[i] = reports[i] with { Status = LegStatus.Refused, Message = string.Join("; ", outcome.Problems) };
                return await FailAsync(groupId, reports, i, $"Leg {i + 1} ({Describe(leg)}) was refused: {string.Join("; ", outcome.Problems)}", cancellationToken).ConfigureAwait(false);
            }

            var settled = new List<Order>();
            foreach (var order in outcome.Orders)
            {
                settled.Add(await orders.WaitForSettledAsync(order.Id, timeout, cancellationToken).ConfigureAwait(false));
            }

            var allFilled = settled.All(o => o.Status == OrderStatus.Filled);
            reports[i] = reports[i] with { Status = allFilled ? LegStatus.Filled : LegStatus.Failed, Orders = settled, Message = allFilled ? null : FirstProblem(settled) };
            if (!allFilled)
            {
                return await FailAsync(groupId, reports, i, $"Leg {i + 1} ({Describe(leg)}) did not fill: {FirstProblem(settled)}", cancellationToken).ConfigureAwait(false);
            }
        }

        return new GroupReport(groupId, true, reports, null);
    }

    private async Task<GroupReport> FailAsync(Guid groupId, List<LegReport> reports, int failedLeg, string reason, CancellationToken cancellationToken)
    {
        // First stop what is still working, then flatten what filled, newest leg first.
        foreach (var order in reports.SelectMany(r => r.Orders).Where(o => OrderLifecycle.IsWorking(o.Status) || o.Status == OrderStatus.PendingSubmit))
        {
            await orders.CancelAsync(order.Id, "system", cancellationToken).ConfigureAwait(false);
        }

        for (var i = failedLeg; i >= 0; i--)
        {
            var filled = reports[i].Orders.Select(o => orders.Find(o.Id) ?? o).Where(o => o.FilledQuantity > 0).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            var unwinds = new List<Order>();
            var problems = new List<string>();
            foreach (var order in filled)
            {
                var unwind = new OrderRequest(order.Instrument, order.Side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy, order.FilledQuantity,
                    OrderType.Market, order.Product, null, null, OrderSource.System, "system", OrderPurpose.Unwind, order.StrategyId, groupId);
                var outcome = await orders.SubmitAsync(unwind, cancellationToken).ConfigureAwait(false);
                unwinds.AddRange(outcome.Orders);
                problems.AddRange(outcome.Problems);
            }

            reports[i] = reports[i] with
            {
                Status = problems.Count == 0 ? LegStatus.Unwound : LegStatus.UnwindFailed,
                Unwinds = unwinds,
                Message = problems.Count == 0 ? reports[i].Message : "Unwind problem: " + string.Join("; ", problems),
            };
        }

        return new GroupReport(groupId, false, reports, reason);
    }

    private static string FirstProblem(IEnumerable<Order> orders) =>
        orders.FirstOrDefault(o => o.Status != OrderStatus.Filled) is { } o ? $"{o.Status}" + (o.Reason is null ? string.Empty : $": {o.Reason}") : "unknown";

    private static string Describe(OrderRequest leg) => $"{leg.Side} {leg.Quantity} {leg.Instrument}";
}

/// <summary>What became of a multi-leg group.</summary>
/// <param name="GroupId">The group's id (on every order).</param>
/// <param name="Succeeded">True when every leg filled.</param>
/// <param name="Legs">One report per leg, in the order they were placed (hedges first).</param>
/// <param name="Failure">Why the group stopped, when it did.</param>
public sealed record GroupReport(Guid GroupId, bool Succeeded, IReadOnlyList<LegReport> Legs, string? Failure);

/// <summary>One leg's fate.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Status">Where it ended.</param>
/// <param name="Orders">Its orders (slices), as they settled.</param>
/// <param name="Message">What went wrong, if anything.</param>
public sealed record LegReport(OrderRequest Request, LegStatus Status, IReadOnlyList<Order> Orders, string? Message)
{
    /// <summary>The orders that reversed its fills after the group failed.</summary>
    public IReadOnlyList<Order> Unwinds { get; init; } = [];
}

/// <summary>Where a leg ended.</summary>
public enum LegStatus
{
    /// <summary>Never sent: an earlier leg failed.</summary>
    NotSent,
    /// <summary>The risk checks refused it.</summary>
    Refused,
    /// <summary>Filled completely.</summary>
    Filled,
    /// <summary>Rejected, failed, or did not fill in time.</summary>
    Failed,
    /// <summary>Filled, then reversed because the group failed.</summary>
    Unwound,
    /// <summary>Filled, and the reversal did not go through: needs a person.</summary>
    UnwindFailed,
}
