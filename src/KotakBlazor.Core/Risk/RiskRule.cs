namespace KotakBlazor.Core.Risk;

/// <summary>The rules the <see cref="RiskEngine"/> checks before an order may reach a broker.</summary>
public enum RiskRule
{
    /// <summary>The kill switch is tripped: nothing goes out, exits included.</summary>
    KillSwitch,
    /// <summary>The market is closed and the order is not an allowed after-market order.</summary>
    MarketClosed,
    /// <summary>The instrument is not in the catalog.</summary>
    UnknownInstrument,
    /// <summary>The instrument is quoted but cannot be ordered (an index).</summary>
    NotTradable,
    /// <summary>The quantity is zero or negative, or the contract cannot be ordered in any quantity (freeze below one lot).</summary>
    InvalidQuantity,
    /// <summary>The quantity is not a multiple of the lot size.</summary>
    NotLotMultiple,
    /// <summary>More lots than one order may carry.</summary>
    MaxLotsPerOrder,
    /// <summary>A limit or trigger price is missing, not positive, off the tick size, or on the wrong side of the other.</summary>
    InvalidPrice,
    /// <summary>A limit or trigger price is further from the last price than the price band allows.</summary>
    PriceOutsideBand,
    /// <summary>A market (or SL-M) entry with no last price to check it against.</summary>
    NoLastPrice,
    /// <summary>A new position would pass the most open positions allowed.</summary>
    MaxOpenPositions,
    /// <summary>The instrument's exposure after the order would pass its limit.</summary>
    MaxExposurePerInstrument,
    /// <summary>The account's exposure after the order would pass its limit.</summary>
    MaxTotalExposure,
    /// <summary>The day's loss has reached the limit: only exits and reducing orders pass.</summary>
    MaxDailyLoss,
    /// <summary>Too many orders accepted in the last second.</summary>
    MaxOrdersPerSecond,
    /// <summary>Too many orders accepted today (IST).</summary>
    MaxOrdersPerDay,
    /// <summary>The same order was accepted a moment ago (a double click, a looping strategy).</summary>
    Duplicate,
}
