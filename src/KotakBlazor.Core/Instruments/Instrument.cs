namespace KotakBlazor.Core.Instruments;

/// <summary>
/// A tradable or quotable contract, described as richly as Kotak's scrip master describes it.
/// </summary>
/// <param name="Id">Segment and token.</param>
/// <param name="TradingSymbol">Kotak's <c>pTrdSymbol</c>, what goes in an order's <c>ts</c> (e.g. <c>RELIANCE-EQ</c>, <c>NIFTY26D0126000CE</c>; the last expiry of a month uses the monthly form <c>NIFTY26NOV26000CE</c>).</param>
/// <param name="Name">Kotak's <c>pSymbolName</c>: the underlying's short name (NIFTY, RELIANCE).</param>
/// <param name="Description">A name for people (e.g. "NIFTY 24 Nov 26000 CE").</param>
/// <param name="Type">Index, equity, future or option.</param>
/// <param name="Underlying">The underlying's name for derivatives; the instrument's own name otherwise. Matched exactly, never by substring.</param>
/// <param name="LotSize">Units per lot (<c>lLotSize</c>); 1 for equities.</param>
/// <param name="TickSize">The smallest price step, in rupees.</param>
/// <param name="FreezeQuantity">The largest quantity in units one order may carry (<c>lFreezeQty</c>); 0 when there is none.</param>
/// <param name="Expiry">The expiry date of a derivative.</param>
/// <param name="Strike">The strike price of an option.</param>
/// <param name="OptionType">CE or PE for an option.</param>
public sealed record Instrument(
    InstrumentId Id,
    string TradingSymbol,
    string Name,
    string Description,
    InstrumentType Type,
    string Underlying,
    int LotSize,
    decimal TickSize,
    int FreezeQuantity,
    DateOnly? Expiry = null,
    decimal? Strike = null,
    OptionType? OptionType = null)
{
    /// <summary>Indices are quoted but cannot be ordered.</summary>
    public bool IsTradable => Type != InstrumentType.Index;

    /// <summary>Rounds a price to the nearest multiple of the tick size.</summary>
    public decimal RoundToTick(decimal price) => TickSize <= 0 ? price : Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;
}
