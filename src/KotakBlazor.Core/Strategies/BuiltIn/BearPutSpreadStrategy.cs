using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// A defined-risk bear put spread on an underlying with options, entered on the underlying's trend
/// (see the shared debit-spread logic for the rules).
/// </summary>
public sealed class BearPutSpreadStrategy : Strategy
{
    private readonly DebitSpread _spread;

    /// <summary>Creates the strategy from checked settings.</summary>
    /// <exception cref="ArgumentException">The fast period is not shorter than the slow one, or the entry time is not before the exit time.</exception>
    public BearPutSpreadStrategy(StrategySettings settings)
        : base(settings)
    {
        _spread = new DebitSpread(settings, OptionType.Put);
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "bear-put-spread",
        "Bear put spread",
        "When the underlying trends down (fast EMA below slow EMA and price below the day's VWAP), buys a put at the money (or the chosen points out) and sells a put the spread width lower, so the risk is the debit paid. "
        + "It closes both legs when the trend turns up (fast EMA above slow and price above VWAP), when the spread's value hits the stop-loss or target percentage of the debit, or at the exit time. "
        + "One trade a day; the put bought is the first leg; orders are limit orders at the last traded price.",
        StrategyInstruments.OptionsOnUnderlying,
        Timeframe.FiveMinutes,
        DebitSpread.Parameters,
        settings => new BearPutSpreadStrategy(settings));

    /// <inheritdoc />
    public override void OnBar(in Bar bar, IStrategyContext context) => _spread.OnBar(in bar, context);

    /// <inheritdoc />
    public override void OnTick(in Tick tick, IStrategyContext context) => _spread.OnTick(in tick, context);
}
