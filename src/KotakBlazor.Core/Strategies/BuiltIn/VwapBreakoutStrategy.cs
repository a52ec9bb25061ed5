using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// Session VWAP breakout with volume confirmation: a close crossing VWAP counts only on a bar
/// whose volume is at least k times the average of the previous N bars.
/// </summary>
/// <remarks>
/// An index has no volume, so on an index the strategy reads the bars of the future it trades,
/// built here from that future's ticks (an index's own bars would never confirm).
/// </remarks>
public sealed class VwapBreakoutStrategy : Strategy
{
    private readonly SessionVwap _vwap = new();
    private readonly SimpleMovingAverage _averageVolume;
    private readonly decimal _volumeMultiple;
    private readonly decimal _riskReward;
    private readonly bool _allowShort;
    private readonly DirectionalPosition _position;
    private BarAggregator? _futureBars;
    private int _previousSide;
    private DateOnly _previousSession;

    /// <summary>Creates the strategy from checked settings.</summary>
    public VwapBreakoutStrategy(StrategySettings settings)
        : base(settings)
    {
        _averageVolume = new SimpleMovingAverage(settings.Integer("volumePeriod"));
        _volumeMultiple = settings.Decimal("volumeMultiple");
        _riskReward = settings.Decimal("riskReward");
        _allowShort = TradeDirection.AllowsShort(settings);
        _position = new DirectionalPosition(settings) { KeepsWatching = settings.Instruments[0].Type == InstrumentType.Index };
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "vwap-breakout",
        "VWAP breakout",
        "Buys when a bar closes above the day's VWAP on heavy volume (at least the chosen multiple of the average of recent bars), and exits when a bar closes back below VWAP. "
        + "If shorting is allowed it sells short on a heavy-volume close below VWAP and covers on a close back above. "
        + "The stop-loss is at VWAP and the target a multiple of that risk; on an index it reads and trades the nearest future, since an index has no volume.",
        StrategyInstruments.Directional,
        Timeframe.FiveMinutes,
        [
            new StrategyParameter("volumePeriod", "Volume average (bars)", StrategyParameterKind.Integer, "20", 2, 200, "How many previous bars the average volume covers."),
            new StrategyParameter("volumeMultiple", "Volume multiple", StrategyParameterKind.Decimal, "1.5", 1, 10, "The breakout bar's volume must be at least this times the average."),
            TradeDirection.Parameter,
            new StrategyParameter("riskReward", "Target (x risk)", StrategyParameterKind.Decimal, "2", 0, 10, "Target distance as a multiple of the distance to VWAP; 0 for no target."),
        ],
        settings => new VwapBreakoutStrategy(settings));

    /// <inheritdoc />
    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        if (bar.Instrument != _position.Configured.Id)
        {
            return;
        }

        var traded = _position.Traded(context);
        if (traded.Id == bar.Instrument)
        {
            OnSignalBar(in bar, context);
        }
        else if (_futureBars is null)
        {
            _futureBars = new BarAggregator(traded.Id, Settings.Timeframe);
            context.WatchTicks(traded.Id);
        }
    }

    /// <inheritdoc />
    public override void OnTick(in Tick tick, IStrategyContext context)
    {
        if (_futureBars is not null && tick.Instrument == _futureBars.Instrument && _futureBars.Update(in tick, out var closed))
        {
            OnSignalBar(in closed, context);
        }

        _position.OnTick(tick.LastPrice, context);
    }

    private void OnSignalBar(in Bar bar, IStrategyContext context)
    {
        _vwap.Update(in bar);
        var averageVolume = _averageVolume.IsReady ? _averageVolume.Value : (decimal?)null;
        _averageVolume.Update(bar.Volume);
        if (_vwap.SessionDate != _previousSession)
        {
            // A new day's VWAP starts at the first bar: there is nothing to have crossed yet.
            _previousSession = _vwap.SessionDate;
            _previousSide = 0;
        }

        if (!_vwap.IsReady)
        {
            return;
        }

        var vwap = _vwap.Value;
        var side = Math.Sign(bar.Close - vwap);
        var before = _previousSide;
        _previousSide = side;
        var metadata = new Dictionary<string, string>
        {
            ["close"] = SignalText.Number(bar.Close),
            ["vwap"] = SignalText.Number(vwap),
            ["volume"] = bar.Volume.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["averageVolume"] = averageVolume is { } a ? SignalText.Number(a) : string.Empty,
        };
        if ((_position.Side == StrategyPosition.Long && side < 0) || (_position.Side == StrategyPosition.Short && side > 0))
        {
            _position.Exit(context, 1m, SignalText.Of($"Close {bar.Close:0.00} back {(side < 0 ? "below" : "above")} VWAP {vwap:0.00}"), metadata);
        }

        var crossedUp = before < 0 && side > 0;
        var crossedDown = before > 0 && side < 0;
        if ((!crossedUp && !(crossedDown && _allowShort)) || averageVolume is not { } average || average <= 0m)
        {
            return;
        }

        var required = _volumeMultiple * average;
        if (bar.Volume < required)
        {
            return;
        }

        // Confidence: 0.5 at exactly the required volume, rising with the volume, capped at 1.
        var confidence = Math.Min(1m, 0.5m * bar.Volume / required);
        var risk = Math.Abs(bar.Close - vwap);
        var reason = SignalText.Of($"Close {bar.Close:0.00} crossed {(crossedUp ? "above" : "below")} VWAP {vwap:0.00} on volume {bar.Volume} >= {_volumeMultiple:0.##} x average {average:0}");
        _position.Enter(context, crossedUp ? OrderSide.Buy : OrderSide.Sell, risk, _riskReward > 0m ? risk * _riskReward : null, confidence, reason, metadata);
    }
}
