namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>The "Trade" choice of the directional strategies: long only, or long and short.</summary>
internal static class TradeDirection
{
    /// <summary>Buys on the long signal and only exits on the short one.</summary>
    public const string LongOnly = "Long only";

    /// <summary>Buys on the long signal and sells short on the short one.</summary>
    public const string LongAndShort = "Long and short";

    /// <summary>The parameter, defaulting to long only: shorting cash equities overnight is not possible, so it is opt-in.</summary>
    public static StrategyParameter Parameter { get; } = new(
        "direction",
        "Trade",
        StrategyParameterKind.Choice,
        LongOnly,
        Help: "Long only exits on the opposite signal; long and short also sells short on it.",
        Choices: [LongOnly, LongAndShort]);

    /// <summary>Whether the settings allow short entries.</summary>
    public static bool AllowsShort(StrategySettings settings) => settings.Choice(Parameter.Name) == LongAndShort;
}
