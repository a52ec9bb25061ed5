using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>One instrument of the cached scrip master; its columns mirror <see cref="Instrument"/>.</summary>
public sealed class ScripMasterInstrumentRecord
{
    public DateOnly Day { get; set; }

    /// <summary><c>segment|token</c>.</summary>
    public required string InstrumentKey { get; set; }

    public required string TradingSymbol { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public InstrumentType Type { get; set; }

    public required string Underlying { get; set; }

    public int LotSize { get; set; }

    public decimal TickSize { get; set; }

    public int FreezeQuantity { get; set; }

    public DateOnly? Expiry { get; set; }

    public decimal? Strike { get; set; }

    public OptionType? OptionType { get; set; }
}
