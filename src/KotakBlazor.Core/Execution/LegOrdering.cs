using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

/// <summary>
/// The order in which a multi-leg group is sent. Bought legs (the hedges) go first so that the
/// short legs are placed against them: the margin benefit applies, and a failure half-way never
/// leaves a naked short.
/// </summary>
public static class LegOrdering
{
    /// <summary>The legs with every buy before every sell, keeping the given order within each group.</summary>
    /// <typeparam name="T">A leg.</typeparam>
    /// <param name="legs">The legs as the strategy listed them.</param>
    /// <param name="side">Reads a leg's side.</param>
    public static IReadOnlyList<T> Order<T>(IReadOnlyList<T> legs, Func<T, OrderSide> side)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(side);
        var ordered = new List<T>(legs.Count);
        for (var i = 0; i < legs.Count; i++)
        {
            if (side(legs[i]) == OrderSide.Buy)
            {
                ordered.Add(legs[i]);
            }
        }

        for (var i = 0; i < legs.Count; i++)
        {
            if (side(legs[i]) == OrderSide.Sell)
            {
                ordered.Add(legs[i]);
            }
        }

        return ordered;
    }
}
