using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// Wilder's RSI as an oversold/overbought oscillator: long when RSI climbs back up through the
/// oversold line, out at the overbought line (or at 50); short, when allowed, the mirror image.
/// </summary>
public sealed class RsiStrategy : Strategy
{
    private const decimal Midline = 50m;

    private readonly RelativeStrengthIndex _rsi;
    private readonly AverageTrueRange _atr = new(14);
    private readonly decimal _oversold;
    private readonly decimal _overbought;
    private readonly bool _exitAtMidline;
    private readonly decimal _stopAtr;
    private readonly bool _allowShort;
    private readonly DirectionalPosition _position;
    private decimal? _previous;
    private decimal _extreme;

    /// <summary>Creates the strategy from checked settings.</summary>
    public RsiStrategy(StrategySettings settings)
        : base(settings)
    {
        _rsi = new RelativeStrengthIndex(settings.Integer("period"));
        _oversold = settings.Decimal("oversold");
        _overbought = settings.Decimal("overbought");
        _exitAtMidline = settings.Boolean("exitAtMidline");
        _stopAtr = settings.Decimal("stopAtr");
        _allowShort = TradeDirection.AllowsShort(settings);
        _position = new DirectionalPosition(settings);
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "rsi",
        "RSI",
        "Buys when the RSI climbs back up through the oversold line after a fall, and sells when it reaches the overbought line (or 50, if chosen). "
        + "If shorting is allowed it sells short when the RSI falls back down through the overbought line and covers at the oversold line (or 50). "
        + "Entries carry a stop-loss a multiple of the 14-bar ATR away; on an index it trades the nearest future.",
        StrategyInstruments.Directional,
        Timeframe.FiveMinutes,
        [
            new StrategyParameter("period", "RSI period", StrategyParameterKind.Integer, "14", 2, 100, "Bars the RSI averages gains and losses over."),
            new StrategyParameter("oversold", "Oversold level", StrategyParameterKind.Decimal, "30", 1, 49, "Below this the market is oversold; a climb back above it buys."),
            new StrategyParameter("overbought", "Overbought level", StrategyParameterKind.Decimal, "70", 51, 99, "Above this the market is overbought; longs exit there."),
            new StrategyParameter("exitAtMidline", "Exit at 50", StrategyParameterKind.Boolean, "false", Help: "Exit when the RSI gets back to 50 instead of waiting for the opposite level."),
            TradeDirection.Parameter,
            new StrategyParameter("stopAtr", "Stop-loss (x ATR)", StrategyParameterKind.Decimal, "2", 0, 10, "Stop distance from the entry in 14-bar ATRs; 0 for no stop."),
        ],
        settings => new RsiStrategy(settings));

    /// <inheritdoc />
    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        if (bar.Instrument != _position.Configured.Id)
        {
            return;
        }

        _position.Traded(context);
        _rsi.Update(bar.Close);
        _atr.Update(in bar);
        if (!_rsi.IsReady)
        {
            return;
        }

        var rsi = _rsi.Value;
        var previous = _previous;
        _previous = rsi;
        if (previous is not { } before)
        {
            _extreme = rsi;
            return;
        }

        // The depth of the dip (or height of the spike) behind a cross decides its confidence.
        _extreme = before >= _oversold && before <= _overbought ? rsi : (before < _oversold ? Math.Min(_extreme, rsi) : Math.Max(_extreme, rsi));
        ExitIfDone(rsi, context);
        if (_position.Side != StrategyPosition.Flat)
        {
            return;
        }

        if (before < _oversold && rsi >= _oversold)
        {
            // Confidence: 0.5, plus 0.05 for every RSI point the dip went below oversold, capped at 1.
            var confidence = Math.Min(1m, 0.5m + ((_oversold - _extreme) / 20m));
            Enter(OrderSide.Buy, SignalText.Of($"RSI({_rsi.Period}) {rsi:0.00} crossed back above oversold {_oversold:0.##} (low {_extreme:0.00})"), confidence, context);
        }
        else if (_allowShort && before > _overbought && rsi <= _overbought)
        {
            var confidence = Math.Min(1m, 0.5m + ((_extreme - _overbought) / 20m));
            Enter(OrderSide.Sell, SignalText.Of($"RSI({_rsi.Period}) {rsi:0.00} crossed back below overbought {_overbought:0.##} (high {_extreme:0.00})"), confidence, context);
        }
    }

    /// <inheritdoc />
    public override void OnTick(in Tick tick, IStrategyContext context) => _position.OnTick(tick.LastPrice, context);

    private void ExitIfDone(decimal rsi, IStrategyContext context)
    {
        if (_position.Side == StrategyPosition.Long && (rsi >= _overbought || (_exitAtMidline && rsi >= Midline)))
        {
            var level = rsi >= _overbought ? _overbought : Midline;
            _position.Exit(context, 1m, SignalText.Of($"RSI({_rsi.Period}) {rsi:0.00} reached {level:0.##}: exit long"), Metadata(rsi));
        }
        else if (_position.Side == StrategyPosition.Short && (rsi <= _oversold || (_exitAtMidline && rsi <= Midline)))
        {
            var level = rsi <= _oversold ? _oversold : Midline;
            _position.Exit(context, 1m, SignalText.Of($"RSI({_rsi.Period}) {rsi:0.00} reached {level:0.##}: cover short"), Metadata(rsi));
        }
    }

    private void Enter(OrderSide side, string reason, decimal confidence, IStrategyContext context)
    {
        decimal? stop = _atr.IsReady && _stopAtr > 0m ? _stopAtr * _atr.Value : null;
        _position.Enter(context, side, stop, null, confidence, reason, Metadata(_rsi.Value));
    }

    private Dictionary<string, string> Metadata(decimal rsi) => new()
    {
        ["rsi"] = SignalText.Number(rsi),
        ["oversold"] = SignalText.Number(_oversold),
        ["overbought"] = SignalText.Number(_overbought),
        ["atr"] = SignalText.Number(_atr.Value),
    };
}
