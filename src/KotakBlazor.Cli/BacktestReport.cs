using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Signals;

namespace KotakBlazor.Cli;

/// <summary>What <c>backtest</c> prints: the run's parameters, its stats, the signals and the bad rows.</summary>
internal sealed record BacktestReport(
    BacktestReport.RunParameters Run,
    BacktestReport.RunStats Stats,
    BacktestReport.StrategyOutcome Strategy,
    IReadOnlyList<BacktestReport.SignalEntry> Signals,
    IReadOnlyList<CsvRowError> Errors,
    long ErrorsOmitted)
{
    public sealed record RunParameters(
        string Strategy,
        string StrategyName,
        string Data,
        string Format,
        string Instrument,
        string? Symbol,
        int Timeframe,
        int? DataTimeframe,
        int Lots,
        ProductType Product,
        IReadOnlyDictionary<string, string> Parameters,
        DateOnly UniverseDate);

    public sealed record RunStats(long Ticks, long DroppedTicks, long Bars, int Signals, long RowsWithErrors, DateTimeOffset? From, DateTimeOffset? To, double ElapsedMs);

    public sealed record StrategyOutcome(bool Enabled, string? Error);

    public sealed record SignalEntry(
        DateTimeOffset Time,
        SignalKind Kind,
        IReadOnlyList<LegEntry> Legs,
        ProductType Product,
        decimal? StopLoss,
        decimal? Target,
        decimal Confidence,
        string Reason,
        IReadOnlyDictionary<string, string> Metadata)
    {
        public static SignalEntry From(Signal signal) => new(
            signal.Time,
            signal.Kind,
            [.. signal.Legs.Select(l => new LegEntry(l.Instrument.ToString(), l.TradingSymbol, l.Side, l.Quantity, l.OrderType, l.Price))],
            signal.Product,
            signal.StopLoss,
            signal.Target,
            signal.Confidence,
            signal.Reason,
            signal.Metadata);
    }

    public sealed record LegEntry(string Instrument, string TradingSymbol, OrderSide Side, int Quantity, OrderType OrderType, decimal Price);
}
