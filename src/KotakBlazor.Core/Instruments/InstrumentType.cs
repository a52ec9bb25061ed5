namespace KotakBlazor.Core.Instruments;

/// <summary>What kind of contract an instrument is.</summary>
public enum InstrumentType
{
    /// <summary>An index value (NIFTY 50, NIFTY BANK): quoted, never traded.</summary>
    Index,
    /// <summary>A cash-market share.</summary>
    Equity,
    /// <summary>A futures contract.</summary>
    Future,
    /// <summary>An options contract.</summary>
    Option,
}
