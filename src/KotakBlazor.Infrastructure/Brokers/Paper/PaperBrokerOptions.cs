namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>Settings of the paper broker, bound from the configuration section <c>PaperBroker</c>.</summary>
public sealed class PaperBrokerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "PaperBroker";

    /// <summary>Starting cash in rupees (10,00,000 by default).</summary>
    public decimal Capital { get; set; } = 1_000_000m;

    /// <summary>Half the bid-ask spread, in ticks, used when a tick carries no bid or ask.</summary>
    public int SpreadTicks { get; set; } = 1;

    /// <summary>
    /// Delay of every acknowledgement and fill report, in milliseconds, measured on the
    /// <see cref="TimeProvider"/>. 0: the broker answers at once.
    /// </summary>
    public int LatencyMilliseconds { get; set; }

    /// <summary>
    /// Units that trade per tick: a bigger order fills in parts across ticks (rounded down to whole
    /// lots, at least one lot). 1,800 by default, NIFTY's freeze quantity.
    /// </summary>
    public int PartialFillQuantity { get; set; } = 1_800;

    /// <summary>The price band, in percent either side of the previous close (or of the first LTP seen when there is none).</summary>
    public decimal CircuitBandPercent { get; set; } = 20m;

    /// <summary>Margin for selling an option, in percent of the underlying's notional (spot x quantity).</summary>
    public decimal OptionSellingMarginPercent { get; set; } = 15m;

    /// <summary>Margin for a futures position, in percent of its notional.</summary>
    public decimal FuturesMarginPercent { get; set; } = 12m;

    /// <summary>Margin for intraday (MIS) equity, in percent of its value.</summary>
    public decimal IntradayEquityMarginPercent { get; set; } = 20m;

    /// <summary>Delivery holdings the account starts with (for demos); none by default.</summary>
    public IList<PaperHolding> Holdings { get; init; } = [];
}
