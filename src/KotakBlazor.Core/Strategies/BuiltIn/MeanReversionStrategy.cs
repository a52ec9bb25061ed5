using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// Mean reversion on the z-score of the close against its N-bar mean and standard deviation
/// (Bollinger's): long when the close stretches k deviations below the mean, short when k above,
/// out when the z-score crosses back through 0.
/// </summary>
public sealed class MeanReversionStrategy : Strategy
{
    private readonly BollingerBands _bands;
    private readonly decimal _entryZ;
    private readonly decimal _stopSigma;
    private readonly bool _allowShort;
    private readonly DirectionalPosition _position;
    private decimal? _previousZ;

    /// <summary>Creates the strategy from checked settings.</summary>
    public MeanReversionStrategy(StrategySettings settings)
        : base(settings)
    {
        _entryZ = settings.Decimal("entryZ");
        _bands = new BollingerBands(settings.Integer("period"), _entryZ);
        _stopSigma = settings.Decimal("stopSigma");
        _allowShort = TradeDirection.AllowsShort(settings);
        _position = new DirectionalPosition(settings);
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "mean-reversion",
        "Mean reversion",
        "Buys when the close falls the chosen number of standard deviations below its recent average (z-score at or below -k), betting on a return to the average. "
        + "If shorting is allowed it sells short when the close rises k deviations above the average. "
        + "It exits when the z-score crosses back through 0; the target is the average and the stop-loss a further distance beyond the entry.",
        StrategyInstruments.Directional,
        Timeframe.FiveMinutes,
        [
            new StrategyParameter("period", "Lookback (bars)", StrategyParameterKind.Integer, "20", 5, 200, "Bars the mean and standard deviation cover."),
            new StrategyParameter("entryZ", "Entry (sigma)", StrategyParameterKind.Decimal, "2", 0.5m, 5, "How many standard deviations from the mean the close must stretch to enter."),
            TradeDirection.Parameter,
            new StrategyParameter("stopSigma", "Stop-loss (sigma)", StrategyParameterKind.Decimal, "1.5", 0, 5, "Stop distance beyond the entry, in standard deviations; 0 for no stop."),
        ],
        settings => new MeanReversionStrategy(settings));

    /// <inheritdoc />
    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        if (bar.Instrument != _position.Configured.Id)
        {
            return;
        }

        _position.Traded(context);
        _bands.Update(bar.Close);
        if (!_bands.IsReady || _bands.StandardDeviation == 0m)
        {
            _previousZ = null;
            return;
        }

        var z = _bands.ZScore;
        var previous = _previousZ;
        _previousZ = z;
        var metadata = new Dictionary<string, string>
        {
            ["zScore"] = SignalText.Number(z),
            ["mean"] = SignalText.Number(_bands.Middle),
            ["standardDeviation"] = SignalText.Number(_bands.StandardDeviation),
            ["close"] = SignalText.Number(bar.Close),
        };
        if ((_position.Side == StrategyPosition.Long && z >= 0m) || (_position.Side == StrategyPosition.Short && z <= 0m))
        {
            _position.Exit(context, 1m, SignalText.Of($"Z-score {z:0.00} crossed 0: close {bar.Close:0.00} back at the {_bands.Period}-bar mean {_bands.Middle:0.00}"), metadata);
            return;
        }

        if (previous is not { } before || _position.Side != StrategyPosition.Flat)
        {
            return;
        }

        // Entries on the bar the stretch first reaches k, not on every bar that stays beyond it.
        var stretchedDown = z <= -_entryZ && before > -_entryZ;
        var stretchedUp = _allowShort && z >= _entryZ && before < _entryZ;
        if (!stretchedDown && !stretchedUp)
        {
            return;
        }

        // Confidence: |z| / 2k, so 0.5 at the threshold and 1 at twice it.
        var confidence = Math.Min(1m, Math.Abs(z) / (2m * _entryZ));
        var reason = SignalText.Of($"Z-score {z:0.00} {(stretchedDown ? "<=" : ">=")} {(stretchedDown ? -_entryZ : _entryZ):0.0#}: close {bar.Close:0.00} vs {_bands.Period}-bar mean {_bands.Middle:0.00} (sigma {_bands.StandardDeviation:0.00})");
        decimal? stop = _stopSigma > 0m ? _stopSigma * _bands.StandardDeviation : null;
        _position.Enter(context, stretchedDown ? OrderSide.Buy : OrderSide.Sell, stop, Math.Abs(_bands.Middle - bar.Close), confidence, reason, metadata);
    }

    /// <inheritdoc />
    public override void OnTick(in Tick tick, IStrategyContext context) => _position.OnTick(tick.LastPrice, context);
}
