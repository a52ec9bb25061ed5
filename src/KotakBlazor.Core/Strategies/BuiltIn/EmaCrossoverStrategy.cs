using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// Trend following on two EMAs of the close: long when the fast one crosses above the slow one,
/// out (or short) when it crosses below. The stop-loss sits a multiple of ATR from the entry and
/// the target a multiple of that risk beyond it.
/// </summary>
public sealed class EmaCrossoverStrategy : Strategy
{
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly AverageTrueRange _atr;
    private readonly decimal _stopAtr;
    private readonly decimal _riskReward;
    private readonly bool _allowShort;
    private readonly DirectionalPosition _position;
    private decimal? _previousGap;

    /// <summary>Creates the strategy from checked settings.</summary>
    /// <exception cref="ArgumentException">The fast period is not shorter than the slow one.</exception>
    public EmaCrossoverStrategy(StrategySettings settings)
        : base(settings)
    {
        var fast = settings.Integer("fastPeriod");
        var slow = settings.Integer("slowPeriod");
        if (fast >= slow)
        {
            throw new ArgumentException($"The fast EMA period ({fast}) must be shorter than the slow EMA period ({slow}).", nameof(settings));
        }

        _fast = new ExponentialMovingAverage(fast);
        _slow = new ExponentialMovingAverage(slow);
        _atr = new AverageTrueRange(settings.Integer("atrPeriod"));
        _stopAtr = settings.Decimal("stopAtr");
        _riskReward = settings.Decimal("riskReward");
        _allowShort = TradeDirection.AllowsShort(settings);
        _position = new DirectionalPosition(settings);
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "ema-crossover",
        "EMA crossover",
        "Buys when the fast EMA of the close crosses above the slow EMA, and exits (or, if allowed, sells short) when it crosses back below. "
        + "Each entry carries a stop-loss a multiple of ATR away and a target at a multiple of that risk; the position is closed when either is touched. "
        + "On an index it trades the nearest future.",
        StrategyInstruments.Directional,
        Timeframe.FiveMinutes,
        [
            new StrategyParameter("fastPeriod", "Fast EMA period", StrategyParameterKind.Integer, "9", 2, 200, "Bars in the fast average; must be shorter than the slow one."),
            new StrategyParameter("slowPeriod", "Slow EMA period", StrategyParameterKind.Integer, "21", 3, 400, "Bars in the slow average."),
            TradeDirection.Parameter,
            new StrategyParameter("atrPeriod", "ATR period", StrategyParameterKind.Integer, "14", 2, 100, "Bars in the average true range the stop is measured in."),
            new StrategyParameter("stopAtr", "Stop-loss (x ATR)", StrategyParameterKind.Decimal, "2", 0, 10, "Stop distance from the entry in ATRs; 0 for no stop."),
            new StrategyParameter("riskReward", "Target (x risk)", StrategyParameterKind.Decimal, "2", 0, 10, "Target distance as a multiple of the stop distance; 0 for no target."),
        ],
        settings => new EmaCrossoverStrategy(settings));

    /// <inheritdoc />
    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        if (bar.Instrument != _position.Configured.Id)
        {
            return;
        }

        _position.Traded(context);
        _fast.Update(bar.Close);
        _slow.Update(bar.Close);
        _atr.Update(in bar);
        if (!_slow.IsReady)
        {
            return;
        }

        var gap = _fast.Value - _slow.Value;
        var previous = _previousGap;
        _previousGap = gap;
        if (previous is not { } before)
        {
            return;
        }

        var crossedUp = before <= 0m && gap > 0m;
        var crossedDown = before >= 0m && gap < 0m;
        if (!crossedUp && !crossedDown)
        {
            return;
        }

        var reason = SignalText.Of($"EMA({_fast.Period}) {_fast.Value:0.00} crossed {(crossedUp ? "above" : "below")} EMA({_slow.Period}) {_slow.Value:0.00}");
        if (_position.Side == (crossedUp ? StrategyPosition.Short : StrategyPosition.Long))
        {
            _position.Exit(context, 1m, reason, Metadata());
        }

        if (crossedDown && !_allowShort)
        {
            return;
        }

        // Confidence: 0.5 at the cross, plus half the EMA gap measured in ATRs, capped at 1.
        var confidence = _atr.IsReady && _atr.Value > 0m ? Math.Min(1m, 0.5m + (0.5m * Math.Abs(gap) / _atr.Value)) : 0.5m;
        decimal? stop = _atr.IsReady && _stopAtr > 0m ? _stopAtr * _atr.Value : null;
        decimal? target = stop is { } risk && _riskReward > 0m ? risk * _riskReward : null;
        _position.Enter(context, crossedUp ? OrderSide.Buy : OrderSide.Sell, stop, target, confidence, reason, Metadata());
    }

    /// <inheritdoc />
    public override void OnTick(in Tick tick, IStrategyContext context) => _position.OnTick(tick.LastPrice, context);

    private Dictionary<string, string> Metadata() => new()
    {
        ["fastEma"] = SignalText.Number(_fast.Value),
        ["slowEma"] = SignalText.Number(_slow.Value),
        ["atr"] = SignalText.Number(_atr.Value),
    };
}
