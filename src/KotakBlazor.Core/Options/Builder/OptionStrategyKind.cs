namespace KotakBlazor.Core.Options.Builder;

/// <summary>The option structures the builder lays out.</summary>
public enum OptionStrategyKind
{
    /// <summary>Sell an out-of-the-money call and an out-of-the-money put.</summary>
    ShortStrangle,

    /// <summary>Sell the at-the-money call and put.</summary>
    ShortStraddle,

    /// <summary>A short strangle with bought wings further out on both sides: the loss is capped.</summary>
    IronCondor,

    /// <summary>Buy a call and sell a higher call: a capped bet on a rise.</summary>
    BullCallSpread,

    /// <summary>Buy a put and sell a lower put: a capped bet on a fall.</summary>
    BearPutSpread,
}
