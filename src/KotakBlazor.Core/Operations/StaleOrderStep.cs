using System.Globalization;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Step 3: orders still pending more than a day after they were placed (an intent that never
/// reached the broker, a working order the broker keeps reporting) are closed with a reason, so
/// nothing waits forever for a retry nobody will make.
/// </summary>
/// <param name="orders">The order desk.</param>
/// <param name="clock">The time source.</param>
/// <param name="staleAfter">How long an order may stay active; 24 hours when null.</param>
public sealed class StaleOrderStep(OrderManager orders, TimeProvider clock, TimeSpan? staleAfter = null) : IEndOfDayStep
{
    private readonly TimeSpan _staleAfter = staleAfter ?? TimeSpan.FromHours(24);

    /// <inheritdoc />
    public int Number => 3;

    /// <inheritdoc />
    public string Name => "Stale orders closed";

    /// <inheritdoc />
    public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - _staleAfter;
        var stale = orders.Orders.Where(o => OrderLifecycle.IsActive(o.Status) && o.PlacedAt <= cutoff).OrderBy(o => o.PlacedAt).ToList();
        if (stale.Count == 0)
        {
            return EndOfDayStepOutcome.Skipped($"No order has been pending for more than {Hours} h.");
        }

        var closed = new List<string>();
        var refused = new List<string>();
        foreach (var order in stale)
        {
            var placed = IndianMarketTime.ToIst(order.PlacedAt).ToString("dd MMM HH:mm", CultureInfo.InvariantCulture);
            var reason = $"Stale: still {order.Status} more than {Hours} h after it was placed ({placed} IST); closed by the end-of-day cleanup.";
            var outcome = await orders.CloseStaleAsync(order.Id, reason, FinalOrderVerificationStep.Actor, cancellationToken).ConfigureAwait(false);
            var line = $"{order.Side.ToString().ToUpperInvariant()} {order.Quantity} {order.TradingSymbol} ({order.Status}, placed {placed} IST)";
            if (outcome.Accepted)
            {
                closed.Add(line);
            }
            else
            {
                refused.Add($"{line}: {string.Join("; ", outcome.Problems)}");
            }
        }

        var detail = $"{closed.Count} of {stale.Count} stale orders closed.{OperationsText.List(closed)}";
        return refused.Count == 0
            ? EndOfDayStepOutcome.Done(detail)
            : EndOfDayStepOutcome.Failed($"{detail} Not closed:{OperationsText.List(refused)}");
    }

    private string Hours => _staleAfter.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
}
