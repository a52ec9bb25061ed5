namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>A closed bar, stored as it closes so a restart keeps history and strategies warm up from it.</summary>
public sealed class BarRecord
{
    /// <summary><c>segment|token</c>.</summary>
    public required string InstrumentKey { get; set; }

    public int TimeframeMinutes { get; set; }

    public DateTimeOffset Start { get; set; }

    public decimal Open { get; set; }

    public decimal High { get; set; }

    public decimal Low { get; set; }

    public decimal Close { get; set; }

    public long Volume { get; set; }

    public int TickCount { get; set; }
}
