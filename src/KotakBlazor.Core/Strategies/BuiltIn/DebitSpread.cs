using System.Globalization;
using KotakBlazor.Core.Indicators;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// The logic the bull call and bear put spreads share: a trend read from two EMAs of the
/// underlying's closes and the price against session VWAP; on the trend, buy an option near the
/// money and sell one a width further out; exit on the opposite trend, a stop or target on the
/// spread's value, or the exit time. One trade a day.
/// </summary>
/// <remarks>
/// An index has no volume, so its VWAP is read from its nearest future (the future's price
/// against the future's VWAP); any other underlying is measured against itself.
/// </remarks>
internal sealed class DebitSpread
{
    private readonly Instrument _underlying;
    private readonly OptionType _type;
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly SessionVwap _vwap = new();
    private readonly decimal _offset;
    private readonly decimal _width;
    private readonly string _expiryChoice;
    private readonly decimal _stopPercent;
    private readonly decimal _targetPercent;
    private readonly TimeOnly _entryTime;
    private readonly TimeOnly _exitTime;
    private readonly OptionPosition _position;
    private Instrument? _vwapInstrument;
    private IReadOnlyList<Instrument>? _options;

    /// <summary>Reads the shared parameters; <paramref name="type"/> Call makes a bull call spread, Put a bear put spread.</summary>
    /// <exception cref="ArgumentException">The fast period is not shorter than the slow one, or the entry time is not before the exit time.</exception>
    public DebitSpread(StrategySettings settings, OptionType type)
    {
        _underlying = settings.Instruments[0];
        _type = type;
        var fast = settings.Integer("fastPeriod");
        var slow = settings.Integer("slowPeriod");
        if (fast >= slow)
        {
            throw new ArgumentException($"The fast EMA period ({fast}) must be shorter than the slow EMA period ({slow}).", nameof(settings));
        }

        _entryTime = settings.TimeOfDay("entryTime");
        _exitTime = settings.TimeOfDay("exitTime");
        if (_entryTime >= _exitTime)
        {
            throw new ArgumentException($"The entry time ({_entryTime:HH\\:mm}) must be before the exit time ({_exitTime:HH\\:mm}).", nameof(settings));
        }

        _fast = new ExponentialMovingAverage(fast);
        _slow = new ExponentialMovingAverage(slow);
        _offset = settings.Integer("strikeOffset");
        _width = settings.Integer("width");
        _expiryChoice = settings.Choice(OptionContracts.ExpiryParameter.Name);
        _stopPercent = settings.Decimal("stopLossPercent");
        _targetPercent = settings.Decimal("targetPercent");
        _position = new OptionPosition(settings);
    }

    /// <summary>The parameters both spreads take.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        new("fastPeriod", "Fast EMA period", StrategyParameterKind.Integer, "9", 2, 200, "Bars in the fast average of the underlying; must be shorter than the slow one."),
        new("slowPeriod", "Slow EMA period", StrategyParameterKind.Integer, "21", 3, 400, "Bars in the slow average of the underlying."),
        new("strikeOffset", "Long strike offset (points)", StrategyParameterKind.Integer, "0", 0, 2000, "How far out of the money to buy; 0 buys at the money."),
        new("width", "Spread width (points)", StrategyParameterKind.Integer, "100", 50, 2000, "How much further out of the money to sell."),
        OptionContracts.ExpiryParameter,
        new("stopLossPercent", "Stop-loss (% of debit)", StrategyParameterKind.Decimal, "40", 0, 100, "Close when the spread has lost this share of what it cost; 0 for no stop."),
        new("targetPercent", "Target (% of debit)", StrategyParameterKind.Decimal, "60", 0, 500, "Close when the spread has gained this share of what it cost; 0 for no target."),
        new("entryTime", "Earliest entry (IST)", StrategyParameterKind.TimeOfDay, "09:30", Help: "No entry before this time."),
        new("exitTime", "Exit time (IST)", StrategyParameterKind.TimeOfDay, "15:15", Help: "Close whatever is open at this time."),
    ];

    /// <summary>A bar of the strategy's timeframe closed.</summary>
    public void OnBar(in Bar bar, IStrategyContext context)
    {
        if (bar.Instrument != _underlying.Id)
        {
            return;
        }

        if (_vwapInstrument is null)
        {
            _vwapInstrument = _underlying.Type == InstrumentType.Index
                ? DirectionalInstrument.NearestFuture(context.Instruments, UnderlyingNames.Canonical(_underlying.Underlying))
                    ?? throw new ArgumentException($"{_underlying.TradingSymbol} has no volume of its own and no future is listed to measure VWAP on.", nameof(bar))
                : _underlying;
            context.WatchTicks(_vwapInstrument.Id);
        }

        _fast.Update(bar.Close);
        _slow.Update(bar.Close);
        if (_position.IsOpen)
        {
            ExitIfDue(context, bar.Close);
            return;
        }

        var ist = IndianMarketTime.ToIst(context.Now);
        var time = TimeOnly.FromDateTime(ist.DateTime);
        if (!_slow.IsReady || !_vwap.IsReady || _position.LastEntryDate == DateOnly.FromDateTime(ist.DateTime) || time < _entryTime || time >= _exitTime)
        {
            return;
        }

        if (Trend(context) != Direction)
        {
            return;
        }

        Enter(context, context.TryGetLatest(_underlying.Id, out var tick) && tick.LastPrice > 0m ? tick.LastPrice : bar.Close);
    }

    /// <summary>A watched tick arrived: the VWAP instrument's, or a leg's.</summary>
    public void OnTick(in Tick tick, IStrategyContext context)
    {
        if (tick.Instrument == _vwapInstrument?.Id)
        {
            _vwap.Update(in tick);
        }

        if (_position.IsOpen && _position.ExitReason(context, _exitTime) is { } reason)
        {
            _position.Close(context, reason, []);
        }
    }

    // +1 for a call spread (bullish), -1 for a put spread (bearish).
    private int Direction => _type == OptionType.Call ? 1 : -1;

    private int Trend(IStrategyContext context)
    {
        if (!context.TryGetLatest(_vwapInstrument!.Id, out var tick) || !_vwap.IsReady)
        {
            return 0;
        }

        var emaSide = Math.Sign(_fast.Value - _slow.Value);
        var vwapSide = Math.Sign(tick.LastPrice - _vwap.Value);
        return emaSide == vwapSide ? emaSide : 0;
    }

    private void Enter(IStrategyContext context, decimal spot)
    {
        _options ??= OptionContracts.OptionsOf(context.Instruments, _underlying);
        if (OptionContracts.ChooseExpiry(_options, context.Now, _expiryChoice) is not { } expiry)
        {
            return;
        }

        var chain = OptionContracts.Chain(context, _options, _underlying, expiry, spot);
        var longRow = OptionContracts.NearestRow(chain, spot + (Direction * _offset));
        var shortRow = longRow is null ? null : OptionContracts.RowAt(chain, longRow.Strike + (Direction * _width));
        var (bought, sold) = _type == OptionType.Call ? (longRow?.Call, shortRow?.Call) : (longRow?.Put, shortRow?.Put);
        if (!OptionContracts.IsPriced(bought) || !OptionContracts.IsPriced(sold) || bought!.LastPrice <= sold!.LastPrice)
        {
            return;
        }

        OptionLeg[] legs = [new(bought.Instrument, OrderSide.Buy, bought.LastPrice), new(sold.Instrument, OrderSide.Sell, sold.LastPrice)];
        var debit = bought.LastPrice - sold.LastPrice;
        var code = _type == OptionType.Call ? "CE" : "PE";
        var vwapPrice = context.TryGetLatest(_vwapInstrument!.Id, out var vt) ? vt.LastPrice : 0m;
        var reason = SignalText.Of(
            $"EMA({_fast.Period}) {_fast.Value:0.00} {(Direction > 0 ? ">" : "<")} EMA({_slow.Period}) {_slow.Value:0.00} and {_vwapInstrument.TradingSymbol} {vwapPrice:0.00} {(Direction > 0 ? "above" : "below")} VWAP {_vwap.Value:0.00}: bought {longRow!.Strike:0.##} {code} @ {bought.LastPrice:0.00}, sold {shortRow!.Strike:0.##} {code} @ {sold.LastPrice:0.00}, debit {debit:0.00}");

        // Confidence: 0.5, plus the EMA gap as a share of 0.2% of the spot, halved and capped at 1.
        var confidence = Math.Min(1m, 0.5m + (0.5m * Math.Abs(_fast.Value - _slow.Value) / (0.002m * spot)));
        var metadata = new Dictionary<string, string>
        {
            ["spot"] = SignalText.Number(spot),
            ["expiry"] = expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["fastEma"] = SignalText.Number(_fast.Value),
            ["slowEma"] = SignalText.Number(_slow.Value),
            ["vwap"] = SignalText.Number(_vwap.Value),
            ["longStrike"] = SignalText.Number(longRow.Strike),
            ["shortStrike"] = SignalText.Number(shortRow.Strike),
            ["maxProfit"] = SignalText.Number(_width - debit),
        };
        _position.Open(context, legs, _stopPercent, _targetPercent, confidence, reason, metadata);
    }

    private void ExitIfDue(IStrategyContext context, decimal close)
    {
        var reason = _position.ExitReason(context, _exitTime);
        if (reason is null && Trend(context) == -Direction)
        {
            reason = SignalText.Of($"Trend turned: EMA({_fast.Period}) {_fast.Value:0.00} {(Direction > 0 ? "<" : ">")} EMA({_slow.Period}) {_slow.Value:0.00} and price {(Direction > 0 ? "below" : "above")} VWAP {_vwap.Value:0.00} (close {close:0.00})");
        }

        if (reason is not null)
        {
            _position.Close(context, reason, []);
        }
    }
}
