using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// Sells a call and a put on an index once a day (a straddle at the money, or a strangle by points
/// or delta), then watches the legs and buys both back on a stop-loss or target on the combined
/// premium, or at the exit time.
/// </summary>
public sealed class ShortStraddleStrategy : DailyShortOptionsStrategy
{
    private readonly decimal _minAtmIv;
    private readonly decimal _stopPercent;
    private readonly decimal _targetPercent;

    /// <summary>Creates the strategy from checked settings.</summary>
    /// <exception cref="ArgumentException">The entry time is not before the exit time.</exception>
    public ShortStraddleStrategy(StrategySettings settings)
        : base(settings, "strikeDistance")
    {
        _minAtmIv = settings.Decimal("minAtmIv");
        _stopPercent = settings.Decimal("stopLossPercent");
        _targetPercent = settings.Decimal("targetPercent");
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "straddle-strangle",
        "Short straddle / strangle",
        "Once a day, at the entry time (or later, once the at-the-money IV reaches the minimum you set), sells a call and a put of the chosen expiry: both at the money (a straddle), or away from the spot by points or by delta (a strangle). "
        + "It buys both back when their combined premium rises by the stop-loss percentage or falls by the target percentage, or at the exit time. "
        + "Orders are limit orders at the last traded price.",
        StrategyInstruments.OptionsOnUnderlying,
        Timeframe.OneMinute,
        [
            new StrategyParameter("entryTime", "Entry time (IST)", StrategyParameterKind.TimeOfDay, "09:20", Help: "No entry before this time."),
            new StrategyParameter("minAtmIv", "Minimum ATM IV (%)", StrategyParameterKind.Decimal, "0", 0, 200, "Enter only once the at-the-money implied volatility is at least this; 0 to enter at the entry time."),
            OptionContracts.StrikeSelectionParameter,
            new StrategyParameter("strikeDistance", "Strike distance (points)", StrategyParameterKind.Integer, "0", 0, 5000, "With points: how far above (call) and below (put) the spot to sell; 0 sells the straddle."),
            new StrategyParameter("targetDelta", "Target delta", StrategyParameterKind.Decimal, "0.15", 0.01m, 0.5m, "With delta: sell the call nearest this delta and the put nearest minus this delta."),
            OptionContracts.ExpiryParameter,
            new StrategyParameter("stopLossPercent", "Stop-loss (% of premium)", StrategyParameterKind.Decimal, "30", 0, 500, "Buy back when the combined premium rises this much; 0 for no stop."),
            new StrategyParameter("targetPercent", "Target (% of premium)", StrategyParameterKind.Decimal, "50", 0, 100, "Buy back when the combined premium falls this much; 0 for no target."),
            new StrategyParameter("exitTime", "Exit time (IST)", StrategyParameterKind.TimeOfDay, "15:15", Help: "Buy back whatever is open at this time."),
        ],
        settings => new ShortStraddleStrategy(settings));

    /// <inheritdoc />
    protected override void TryEnter(IStrategyContext context, OptionChainSnapshot chain, DateOnly expiry, decimal spot)
    {
        var atmIv = OptionContracts.AtmImpliedVolatility(chain);
        if (_minAtmIv > 0m && (atmIv is not { } iv || (decimal)iv * 100m < _minAtmIv))
        {
            return;
        }

        var (call, put) = ShortStrikes(chain, spot);
        if (!OptionContracts.IsPriced(call) || !OptionContracts.IsPriced(put))
        {
            return;
        }

        Enter(context, expiry, spot, atmIv, call!, put!);
    }

    private void Enter(IStrategyContext context, DateOnly expiry, decimal spot, double? atmIv, OptionQuote call, OptionQuote put)
    {
        var legs = new[] { new OptionLeg(call.Instrument, OrderSide.Sell, call.LastPrice), new OptionLeg(put.Instrument, OrderSide.Sell, put.LastPrice) };
        var premium = call.LastPrice + put.LastPrice;
        var shape = call.Instrument.Strike == put.Instrument.Strike ? "straddle" : "strangle";
        var ivText = atmIv is { } iv ? SignalText.Of($", ATM IV {iv * 100:0.0}%") : string.Empty;
        var reason = SignalText.Of(
            $"Short {shape}: sold {call.Instrument.Strike:0.##} CE @ {call.LastPrice:0.00} + {put.Instrument.Strike:0.##} PE @ {put.LastPrice:0.00} = {premium:0.00} premium, spot {spot:0.00}{ivText}");

        // Confidence: 0.5 on the clock alone; with an IV condition, 0.5 x IV / minimum IV, capped at 1.
        var confidence = _minAtmIv > 0m && atmIv is { } v ? Math.Min(1m, 0.5m * (decimal)v * 100m / _minAtmIv) : 0.5m;
        var metadata = new Dictionary<string, string>
        {
            ["spot"] = SignalText.Number(spot),
            ["expiry"] = expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["callStrike"] = SignalText.Number(call.Instrument.Strike!.Value),
            ["putStrike"] = SignalText.Number(put.Instrument.Strike!.Value),
            ["callPremium"] = SignalText.Number(call.LastPrice),
            ["putPremium"] = SignalText.Number(put.LastPrice),
            ["callDelta"] = call.Delta is { } cd ? SignalText.Number(cd, 3) : string.Empty,
            ["putDelta"] = put.Delta is { } pd ? SignalText.Number(pd, 3) : string.Empty,
            ["atmIv"] = atmIv is { } a ? SignalText.Number(a * 100, 2) : string.Empty,
        };
        Position.Open(context, legs, _stopPercent, _targetPercent, confidence, reason, metadata);
    }

    /// <inheritdoc />
    protected override void ExitIfDue(IStrategyContext context)
    {
        if (Position.ExitReason(context, ExitTime) is { } reason)
        {
            Position.Close(context, reason, []);
        }
    }
}
