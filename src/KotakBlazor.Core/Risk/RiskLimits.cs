namespace KotakBlazor.Core.Risk;

/// <summary>
/// The limits the risk engine enforces before any order reaches a broker. Stored, edited by an
/// admin, audited. Zero turns a numeric limit off, except where noted.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>The most lots one order (before slicing) may carry.</summary>
    public int MaxLotsPerOrder { get; init; } = 100;

    /// <summary>The most instruments with an open position at once.</summary>
    public int MaxOpenPositions { get; init; } = 20;

    /// <summary>The most notional exposure (|net qty| x LTP) in one instrument, in rupees.</summary>
    public decimal MaxExposurePerInstrument { get; init; } = 5_000_000m;

    /// <summary>The most notional exposure over all instruments, in rupees.</summary>
    public decimal MaxTotalExposure { get; init; } = 20_000_000m;

    /// <summary>The day's loss (realized + unrealized, as a positive number of rupees) that trips the kill switch.</summary>
    public decimal MaxDailyLoss { get; init; } = 50_000m;

    /// <summary>Orders per second sent to the broker (Kotak allows 10).</summary>
    public int MaxOrdersPerSecond { get; init; } = 10;

    /// <summary>Orders per day.</summary>
    public int MaxOrdersPerDay { get; init; } = 1_000;

    /// <summary>How far (in percent of the LTP) a limit or trigger price may be from the LTP.</summary>
    public decimal PriceBandPercent { get; init; } = 5m;

    /// <summary>Seconds within which the same instrument, side and quantity counts as a duplicate.</summary>
    public int DuplicateWindowSeconds { get; init; } = 3;

    /// <summary>Whether after-market orders may be placed when the market is closed.</summary>
    public bool AllowAfterMarketOrders { get; init; } = true;

    /// <summary>Whether tripping the kill switch also squares off every open position (it always cancels open orders).</summary>
    public bool SquareOffOnKillSwitch { get; init; }

    /// <summary>The limits a new installation starts with.</summary>
    public static RiskLimits Default { get; } = new();
}
