using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// Splits a multi-leg placement into batches. A batch carries at most <c>maxLotsPerBatch</c> lots
/// of the largest leg (20, 20, 20, 20, 10 for 90 lots at 20); the other legs keep their ratio to
/// it in every batch, so a strangle or condor stays balanced batch by batch. Each leg's share of a
/// batch is sliced within the exchange's freeze quantity. Within a batch the bought legs (hedges,
/// wings) come before the sold ones.
/// </summary>
public static class BatchPlanner
{
    /// <summary>The largest lots per batch a plan may use.</summary>
    public const int MaxLotsPerBatchLimit = 10_000;

    /// <summary>Why the legs cannot be planned, in words a trader reads; empty when they can.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PlacementLeg> legs, int maxLotsPerBatch)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var problems = new List<string>();
        if (legs.Count == 0)
        {
            problems.Add("A placement needs at least one leg.");
        }

        if (maxLotsPerBatch is < 1 or > MaxLotsPerBatchLimit)
        {
            problems.Add(Invariant($"Lots per batch must be between 1 and {MaxLotsPerBatchLimit} (given {maxLotsPerBatch})."));
        }

        foreach (var leg in legs)
        {
            if (leg.LotSize <= 0)
            {
                problems.Add(Invariant($"{leg.TradingSymbol} has no lot size in the instrument list."));
            }
            else if (leg.Quantity <= 0)
            {
                problems.Add(Invariant($"{leg.TradingSymbol}: lots must be at least 1 (given {leg.Quantity / leg.LotSize})."));
            }
            else if (leg.Quantity % leg.LotSize != 0)
            {
                problems.Add(Invariant($"{leg.TradingSymbol}: {leg.Quantity} units is not a whole number of lots of {leg.LotSize}."));
            }
            else if (leg.FreezeQuantity > 0 && leg.FreezeQuantity < leg.LotSize)
            {
                problems.Add(Invariant($"{leg.TradingSymbol}: the freeze quantity {leg.FreezeQuantity} is smaller than one lot of {leg.LotSize}, so no order can be placed."));
            }
        }

        return problems;
    }

    /// <summary>Plans the batches. Orders name their leg by <see cref="PlacementLeg.Index"/>.</summary>
    /// <exception cref="ArgumentException">The legs have <see cref="Problems"/>.</exception>
    public static BatchPlan Plan(IReadOnlyList<PlacementLeg> legs, int maxLotsPerBatch)
    {
        var problems = Problems(legs, maxLotsPerBatch);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(legs));
        }

        var largest = legs.Max(l => l.Lots);
        var batchCount = (largest + maxLotsPerBatch - 1) / maxLotsPerBatch;
        var sendOrder = Enumerable.Range(0, legs.Count).OrderBy(i => legs[i].Side == Orders.OrderSide.Buy ? 0 : 1).ThenBy(i => i).ToArray();
        var batches = new List<PlannedBatch>(batchCount);
        for (var batch = 1; batch <= batchCount; batch++)
        {
            var orders = new List<PlannedOrder>();
            foreach (var index in sendOrder)
            {
                var leg = legs[index];
                var lots = CumulativeLots(leg.Lots, largest, batch, maxLotsPerBatch) - CumulativeLots(leg.Lots, largest, batch - 1, maxLotsPerBatch);
                if (lots == 0)
                {
                    continue;
                }

                var slices = OrderSlicer.Slice(lots * leg.LotSize, leg.LotSize, leg.FreezeQuantity);
                for (var slice = 0; slice < slices.Count; slice++)
                {
                    orders.Add(new PlannedOrder(batch, leg.Index, slice, slices[slice], slices[slice] / leg.LotSize));
                }
            }

            batches.Add(new PlannedBatch(batch, orders));
        }

        return new BatchPlan(batches, maxLotsPerBatch);
    }

    /// <summary>A leg's lots placed by the end of <paramref name="batch"/>: its share of the largest leg's progress, rounded to whole lots.</summary>
    private static int CumulativeLots(int legLots, int largest, int batch, int maxLotsPerBatch)
    {
        var largestSoFar = Math.Min((long)batch * maxLotsPerBatch, largest);
        return (int)(((legLots * largestSoFar * 2) + largest) / (2L * largest));
    }
}
