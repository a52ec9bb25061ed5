using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Journal;

/// <summary>The journal's numbers: overall, by strategy, by day, and the equity curve.</summary>
/// <param name="Overall">Every round trip.</param>
/// <param name="ByStrategy">Per strategy, in the order each first closed a trade.</param>
/// <param name="ByDay">Per IST day of exit, oldest first.</param>
/// <param name="EquityCurve">Cumulative P&amp;L after each round trip, by exit time.</param>
public sealed record JournalStatistics(
    TradeFigures Overall,
    IReadOnlyList<StrategyFigures> ByStrategy,
    IReadOnlyList<DayFigures> ByDay,
    IReadOnlyList<EquityPoint> EquityCurve)
{
    /// <summary>Computes the statistics; round trips are put in exit-time order first (ties keep their given order).</summary>
    public static JournalStatistics Compute(IReadOnlyList<RoundTrip> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        var ordered = trips.OrderBy(t => t.ExitTime).ToArray();
        var byStrategy = ordered
            .GroupBy(t => t.StrategyId)
            .Select(g => new StrategyFigures(g.Key, TradeFigures.Compute(g.ToArray())))
            .ToArray();
        var byDay = ordered
            .GroupBy(t => IndianMarketTime.IstDate(t.ExitTime))
            .Select(g => new DayFigures(g.Key, TradeFigures.Compute(g.ToArray())))
            .OrderBy(d => d.Day)
            .ToArray();
        var curve = new EquityPoint[ordered.Length];
        var cumulative = 0m;
        for (var i = 0; i < ordered.Length; i++)
        {
            cumulative += ordered[i].Pnl;
            curve[i] = new EquityPoint(ordered[i].ExitTime, cumulative, ordered[i].Id);
        }

        return new JournalStatistics(TradeFigures.Compute(ordered), byStrategy, byDay, curve);
    }
}
