using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>How a plan will be paced and about how long it will take, for the confirmation.</summary>
/// <param name="OrdersPerSecond">The broker's limit the sends are held to (0: not paced).</param>
/// <param name="FixedDelayBetweenBatches">The fixed wait between batches (zero unless configured).</param>
/// <param name="EstimatedTime">About how long from Execute until the last batch has filled.</param>
public sealed record PacingEstimate(int OrdersPerSecond, TimeSpan FixedDelayBetweenBatches, TimeSpan EstimatedTime)
{
    /// <summary>The pacing in words.</summary>
    public string Description =>
        (OrdersPerSecond > 0 ? Invariant($"at most {OrdersPerSecond} orders a second (the broker's limit)") : "not paced")
        + (FixedDelayBetweenBatches > TimeSpan.Zero ? Invariant($", and a fixed {FixedDelayBetweenBatches.TotalSeconds:0.##} s between batches") : ", no fixed delay");

    /// <summary>
    /// Walks the plan as the placement runs it: sends held to a sliding one-second window of
    /// <paramref name="ordersPerSecond"/>, each batch waiting for its bought legs to fill before its
    /// sold legs go and for its sold legs to fill before the next batch, and the fixed delay between batches.
    /// </summary>
    /// <param name="plan">The batches.</param>
    /// <param name="legs">The placement's legs (for their sides).</param>
    /// <param name="ordersPerSecond">The broker's limit; 0 for none.</param>
    /// <param name="fixedDelayBetweenBatches">The fixed wait between batches.</param>
    /// <param name="expectedFill">How long a wait for fills usually takes.</param>
    public static PacingEstimate For(BatchPlan plan, IReadOnlyList<PlacementLeg> legs, int ordersPerSecond, TimeSpan fixedDelayBetweenBatches, TimeSpan expectedFill)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(legs);
        var now = TimeSpan.Zero;
        var sent = new Queue<TimeSpan>();
        foreach (var batch in plan.Batches)
        {
            if (batch.Number > 1)
            {
                now += fixedDelayBetweenBatches;
            }

            foreach (var phase in batch.Orders.GroupBy(o => legs.First(l => l.Index == o.LegIndex).Side).OrderBy(g => g.Key == Orders.OrderSide.Buy ? 0 : 1))
            {
                foreach (var _ in phase)
                {
                    if (ordersPerSecond > 0)
                    {
                        while (sent.Count > 0 && sent.Peek() <= now - TimeSpan.FromSeconds(1))
                        {
                            sent.Dequeue();
                        }

                        if (sent.Count >= ordersPerSecond)
                        {
                            now = sent.Dequeue() + TimeSpan.FromSeconds(1);
                        }

                        sent.Enqueue(now);
                    }
                }

                now += expectedFill;
            }
        }

        return new PacingEstimate(ordersPerSecond, fixedDelayBetweenBatches, now);
    }
}
