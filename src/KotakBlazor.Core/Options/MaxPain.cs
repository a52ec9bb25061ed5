namespace KotakBlazor.Core.Options;

/// <summary>
/// Max pain: the settlement price, among the chain's strikes, at which the options' holders
/// would collect the least at expiry, which is the same as where writers would pay the least.
/// </summary>
/// <remarks>
/// For a settlement price P the payout is Σ over strikes K of
/// callOI(K) × max(0, P − K) + putOI(K) × max(0, K − P). Only strikes are tried as P: the payout
/// is piecewise linear between strikes, so its minimum is always at one of them. Ties go to the
/// lower strike. O(n²) in the number of strikes, a few tens of thousands of operations for a
/// full NIFTY chain.
/// </remarks>
public static class MaxPain
{
    /// <summary>The max-pain strike; null when the chain has no strikes or no open interest at all, where every strike ties at 0.</summary>
    public static MaxPainResult? Find(OptionChainSnapshot chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var hasOpenInterest = false;
        foreach (var row in chain.Rows)
        {
            hasOpenInterest |= (row.Call?.OpenInterest ?? 0) > 0 || (row.Put?.OpenInterest ?? 0) > 0;
        }

        if (!hasOpenInterest)
        {
            return null;
        }

        MaxPainResult? best = null;
        foreach (var candidate in chain.Rows)
        {
            var payout = PayoutAt(chain, candidate.Strike);
            // Rows are in ascending strike order and only a strictly lower payout replaces the best, so ties keep the lower strike.
            if (best is null || payout < best.Value.TotalPayout)
            {
                best = new MaxPainResult(candidate.Strike, payout);
            }
        }

        return best;
    }

    /// <summary>What option buyers across the chain would collect if the underlying settled at <paramref name="settlement"/>.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="settlement">The settlement price of the underlying.</param>
    public static decimal PayoutAt(OptionChainSnapshot chain, decimal settlement)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var payout = 0m;
        foreach (var row in chain.Rows)
        {
            if (row.Call is { OpenInterest: > 0 } call && settlement > row.Strike)
            {
                payout += call.OpenInterest * (settlement - row.Strike);
            }

            if (row.Put is { OpenInterest: > 0 } put && settlement < row.Strike)
            {
                payout += put.OpenInterest * (row.Strike - settlement);
            }
        }

        return payout;
    }
}
