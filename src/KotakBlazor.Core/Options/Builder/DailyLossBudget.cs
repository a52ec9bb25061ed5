namespace KotakBlazor.Core.Options.Builder;

/// <summary>
/// How much of the day's loss budget a structure's worst case would use. The kill switch trips
/// when the day's P&amp;L reaches minus the limit, so what is left is the limit plus today's P&amp;L.
/// </summary>
/// <param name="Limit">The risk limits' daily loss (0: no limit).</param>
/// <param name="DayPnl">Today's P&amp;L so far.</param>
/// <param name="WorstCase">The structure's worst-case loss, positive rupees.</param>
public sealed record DailyLossBudget(decimal Limit, decimal DayPnl, decimal WorstCase)
{
    /// <summary>Rupees that may still be lost today before the kill switch trips; null when there is no limit.</summary>
    public decimal? Remaining => Limit > 0 ? Math.Max(0m, Limit + DayPnl) : null;

    /// <summary>The worst case as a percentage of what is left (above 100 when it does not fit); null when there is no limit.</summary>
    public decimal? PercentOfRemaining => Remaining switch
    {
        null => null,
        0m => WorstCase > 0 ? 100m : 0m,
        var left => Math.Round(WorstCase / left.Value * 100m, 1),
    };

    /// <summary>True when the worst case would trip the kill switch.</summary>
    public bool Exceeds => Remaining is { } left && WorstCase > left;
}
