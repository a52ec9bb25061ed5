namespace KotakBlazor.Core.Journal;

/// <summary>
/// The figures of a set of round trips. Ratios and averages are rounded to 2 decimals; a trade
/// with P&amp;L exactly 0 counts as a trade but neither a win nor a loss.
/// </summary>
/// <param name="Trades">Round trips.</param>
/// <param name="Wins">Round trips with P&amp;L above 0.</param>
/// <param name="Losses">Round trips with P&amp;L below 0.</param>
/// <param name="WinRate">Wins as a percentage of trades (0-100); 0 with no trades.</param>
/// <param name="TotalPnl">The sum of P&amp;L.</param>
/// <param name="GrossProfit">The sum of the wins.</param>
/// <param name="GrossLoss">The sum of the losses (0 or negative).</param>
/// <param name="AverageWin">The average win; 0 with no wins.</param>
/// <param name="AverageLoss">The average loss (0 or negative); 0 with no losses.</param>
/// <param name="ProfitFactor">Gross profit / |gross loss|; null with no losses (it would be infinite).</param>
/// <param name="Expectancy">Total P&amp;L / trades: what one trade earned on average; 0 with no trades.</param>
/// <param name="MaxDrawdown">The largest fall (0 or positive) of cumulative P&amp;L, by exit time, from a peak (the start counts as a peak at 0).</param>
/// <param name="Best">The round trip with the highest P&amp;L (the earliest on a tie).</param>
/// <param name="Worst">The round trip with the lowest P&amp;L (the earliest on a tie).</param>
public sealed record TradeFigures(
    int Trades,
    int Wins,
    int Losses,
    decimal WinRate,
    decimal TotalPnl,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal AverageWin,
    decimal AverageLoss,
    decimal? ProfitFactor,
    decimal Expectancy,
    decimal MaxDrawdown,
    RoundTrip? Best,
    RoundTrip? Worst)
{
    /// <summary>The figures of <paramref name="trips"/>, which must be ordered by exit time (the drawdown follows that order).</summary>
    public static TradeFigures Compute(IReadOnlyList<RoundTrip> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        int wins = 0, losses = 0;
        decimal grossProfit = 0m, grossLoss = 0m, cumulative = 0m, peak = 0m, drawdown = 0m;
        RoundTrip? best = null, worst = null;
        foreach (var trip in trips)
        {
            if (trip.Pnl > 0)
            {
                wins++;
                grossProfit += trip.Pnl;
            }
            else if (trip.Pnl < 0)
            {
                losses++;
                grossLoss += trip.Pnl;
            }

            best = best is null || trip.Pnl > best.Pnl ? trip : best;
            worst = worst is null || trip.Pnl < worst.Pnl ? trip : worst;
            cumulative += trip.Pnl;
            peak = Math.Max(peak, cumulative);
            drawdown = Math.Max(drawdown, peak - cumulative);
        }

        var count = trips.Count;
        return new TradeFigures(
            count,
            wins,
            losses,
            count == 0 ? 0m : Math.Round(wins * 100m / count, 2),
            cumulative,
            grossProfit,
            grossLoss,
            wins == 0 ? 0m : Math.Round(grossProfit / wins, 2),
            losses == 0 ? 0m : Math.Round(grossLoss / losses, 2),
            losses == 0 ? null : Math.Round(grossProfit / -grossLoss, 2),
            count == 0 ? 0m : Math.Round(cumulative / count, 2),
            drawdown,
            best,
            worst);
    }
}
