namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>Settings of the simulated market, bound from the configuration section <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Simulator";

    /// <summary>Seed of the random walk; the same seed and the same clock give the same ticks. Null: a new market each run.</summary>
    public int? Seed { get; set; }

    /// <summary>How often the market takes a step.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The chance that a given instrument prints a tick in a step (0 to 1).</summary>
    public double TickProbability { get; set; } = 0.85;

    /// <summary>When true, no ticks outside the NSE normal session (09:15 to 15:30 IST) on trading days: weekends and the configured holidays are quiet.</summary>
    public bool MarketHoursOnly { get; set; }

    /// <summary>
    /// In Paper mode: when a Kotak scrip master is cached in the database (left by a KotakNeo or KotakPaper run), quote its
    /// real contracts (tokens, symbols, lots, freeze quantities) instead of the built-in instruments. Prices are simulated either way.
    /// </summary>
    public bool UseScripMaster { get; set; } = true;

    /// <summary>NIFTY option strikes listed on each side of the at-the-money strike, per expiry.</summary>
    public int StrikesEachSide { get; set; } = 25;

    /// <summary>Continuously compounded annual risk-free rate used for futures' carry and option values.</summary>
    public double RiskFreeRate { get; set; } = 0.065;

    /// <summary>
    /// How many times faster than the wall clock the random walk's variance clock runs. At 4 a
    /// one-minute bar looks like a real four-minute bar (NIFTY moves about 20 points a minute
    /// instead of 10), which keeps a demo chart alive while the day's range stays plausible.
    /// Option time decay and expiry always follow the real clock. 1 is a realistic pace.
    /// </summary>
    public double TimeCompression { get; set; } = 4.0;
}
