namespace KotakBlazor.Web.Market;

/// <summary>How the option chain screen prices its implied volatilities (section <c>OptionChain</c>).</summary>
public sealed class OptionChainOptions
{
    public const string SectionName = "OptionChain";

    /// <summary>Continuously compounded annual risk-free rate for implied volatilities (the simulated market prices with 6.5%).</summary>
    public double RiskFreeRate { get; set; } = 0.065;

    /// <summary>Continuously compounded annual dividend yield of the underlying.</summary>
    public double DividendYield { get; set; }
}
