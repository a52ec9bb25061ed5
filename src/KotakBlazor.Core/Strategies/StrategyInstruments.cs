namespace KotakBlazor.Core.Strategies;

/// <summary>What a strategy trades, which decides what the instrument picker offers.</summary>
public enum StrategyInstruments
{
    /// <summary>Any quoted instrument: stocks, indices (signals on an index name its future or options in metadata), futures.</summary>
    Directional,
    /// <summary>An underlying with listed options (NIFTY, BANKNIFTY); the strategy picks the option contracts.</summary>
    OptionsOnUnderlying,
}
