namespace KotakBlazor.Infrastructure.Operations;

/// <summary>A trading day's figures as the end-of-day cleanup stored them, and the summary sent for it.</summary>
public sealed class DayStatisticsRecord
{
    public DateOnly TradingDay { get; set; }

    public int RoundTrips { get; set; }

    public int Wins { get; set; }

    public int Losses { get; set; }

    public decimal WinRate { get; set; }

    public decimal NetPnl { get; set; }

    public decimal GrossProfit { get; set; }

    public decimal GrossLoss { get; set; }

    public decimal? ProfitFactor { get; set; }

    public decimal MaxDrawdown { get; set; }

    public int OrdersPlaced { get; set; }

    public int OrdersFilled { get; set; }

    public int OrdersRejected { get; set; }

    public int OrdersCancelled { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public string? SentSummary { get; set; }

    public DateTimeOffset? SummarySentAt { get; set; }
}
