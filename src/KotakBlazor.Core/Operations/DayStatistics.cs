using System.Globalization;
using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Operations;

/// <summary>One trading day in numbers, as the end-of-day cleanup stores and sends it.</summary>
/// <param name="TradingDay">The IST day.</param>
/// <param name="RoundTrips">Round trips that closed that day.</param>
/// <param name="Wins">Of which won.</param>
/// <param name="Losses">Of which lost.</param>
/// <param name="WinRate">Wins as a percentage of round trips.</param>
/// <param name="NetPnl">Realized P&amp;L of the day's round trips, in rupees.</param>
/// <param name="GrossProfit">The sum of the wins.</param>
/// <param name="GrossLoss">The sum of the losses (0 or negative).</param>
/// <param name="ProfitFactor">Gross profit / |gross loss|; null with no losses.</param>
/// <param name="MaxDrawdown">The largest fall of the day's cumulative P&amp;L.</param>
/// <param name="OrdersPlaced">Orders placed that day (every path).</param>
/// <param name="OrdersFilled">Of which filled.</param>
/// <param name="OrdersRejected">Of which rejected or failed.</param>
/// <param name="OrdersCancelled">Of which cancelled.</param>
/// <param name="ComputedAt">When the figures were computed.</param>
public sealed record DayStatistics(
    DateOnly TradingDay,
    int RoundTrips,
    int Wins,
    int Losses,
    decimal WinRate,
    decimal NetPnl,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal? ProfitFactor,
    decimal MaxDrawdown,
    int OrdersPlaced,
    int OrdersFilled,
    int OrdersRejected,
    int OrdersCancelled,
    DateTimeOffset ComputedAt)
{
    /// <summary>The day's figures from the journal's figures of its round trips and the orders placed that day.</summary>
    public static DayStatistics From(DateOnly tradingDay, TradeFigures journal, IReadOnlyCollection<Order> dayOrders, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(dayOrders);
        return new DayStatistics(
            tradingDay,
            journal.Trades,
            journal.Wins,
            journal.Losses,
            journal.WinRate,
            journal.TotalPnl,
            journal.GrossProfit,
            journal.GrossLoss,
            journal.ProfitFactor,
            journal.MaxDrawdown,
            dayOrders.Count,
            dayOrders.Count(o => o.Status == OrderStatus.Filled),
            dayOrders.Count(o => o.Status is OrderStatus.Rejected or OrderStatus.Failed),
            dayOrders.Count(o => o.Status == OrderStatus.Cancelled),
            computedAt);
    }

    /// <summary>The notification's title.</summary>
    public string SummaryTitle => string.Create(CultureInfo.InvariantCulture, $"End of day {TradingDay:dd MMM yyyy}: net {OperationsText.Rupees(NetPnl)}");

    /// <summary>The summary in plain text, one fact a line (the same figures always give the same text).</summary>
    public string SummaryBody => string.Join('\n',
        string.Create(CultureInfo.InvariantCulture, $"Round trips: {RoundTrips} ({Wins} won, {Losses} lost, win rate {WinRate:0.##}%)"),
        $"Net P&L: {OperationsText.Rupees(NetPnl)} (gross profit {OperationsText.Rupees(GrossProfit)}, gross loss {OperationsText.Rupees(GrossLoss)})",
        string.Create(CultureInfo.InvariantCulture, $"Profit factor: {(ProfitFactor is { } factor ? factor.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}; max drawdown {OperationsText.Rupees(MaxDrawdown)}"),
        string.Create(CultureInfo.InvariantCulture, $"Orders: {OrdersPlaced} placed, {OrdersFilled} filled, {OrdersRejected} rejected or failed, {OrdersCancelled} cancelled"));
}
