namespace KotakBlazor.Benchmarks;

/// <summary>What a request in the risk benchmark is meant to exercise; half are meant to pass, half to be refused.</summary>
internal enum RiskRequestKind
{
    /// <summary>Market buy or sell of 1-50 shares of a stock (strategy).</summary>
    StockMarket,

    /// <summary>Limit order within 0.5% of a stock's LTP (ticket).</summary>
    StockLimit,

    /// <summary>Market buy of 1-5 lots of a NIFTY option.</summary>
    OptionMarket,

    /// <summary>Market buy of 30 lots (1,950) of a NIFTY option: above the 1,800 freeze quantity, two slices.</summary>
    OptionSliced,

    /// <summary>Market order that reduces or closes an open position (purpose exit).</summary>
    Exit,

    /// <summary>Sell stop-loss 3% under a held stock's LTP (purpose stop-loss: skips the band).</summary>
    ProtectiveStop,

    /// <summary>Refused: a stock limit 8% above the LTP (band 5%).</summary>
    OutsideBand,

    /// <summary>Refused: 100 units of an option whose lot is 65.</summary>
    NotLotMultiple,

    /// <summary>Refused: the NIFTY 50 index (quoted, not traded).</summary>
    Index,

    /// <summary>Refused: 150 lots of an option (limit 100 lots per order).</summary>
    TooManyLots,

    /// <summary>Refused: the previous accepted entry again, within the 3-second duplicate window.</summary>
    Duplicate,

    /// <summary>Refused: 20,000 shares of a stock (above 50 lakh of exposure in one instrument).</summary>
    TooMuchExposure,
}
