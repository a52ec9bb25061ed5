namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>A signal as a strategy raised it. Append-only.</summary>
public sealed class SignalRecord
{
    public long Id { get; set; }

    public Guid StrategyId { get; set; }

    public required string StrategyName { get; set; }

    public required string StrategyKey { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string Kind { get; set; }

    /// <summary>JSON array of legs (instrument, symbol, side, quantity, order type, price).</summary>
    public required string LegsJson { get; set; }

    public required string Product { get; set; }

    public decimal? StopLoss { get; set; }

    public decimal? Target { get; set; }

    public decimal Confidence { get; set; }

    public required string Reason { get; set; }

    public required string MetadataJson { get; set; }
}
