namespace KotakBlazor.Core.Instruments;

/// <summary>An exchange segment as Kotak names it (<c>nse_cm</c>, <c>nse_fo</c>, ...).</summary>
public enum ExchangeSegment : byte
{
    /// <summary>NSE cash market: equities and the index values.</summary>
    NseCm = 1,
    /// <summary>NSE futures and options.</summary>
    NseFo = 2,
    /// <summary>NSE currency derivatives.</summary>
    CdeFo = 3,
    /// <summary>BSE cash market.</summary>
    BseCm = 5,
    /// <summary>BSE futures and options.</summary>
    BseFo = 6,
    /// <summary>MCX commodity futures and options.</summary>
    McxFo = 9,
}
