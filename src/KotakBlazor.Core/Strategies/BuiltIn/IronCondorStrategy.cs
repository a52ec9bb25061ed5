using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// A short strangle with long wings bought a fixed width further out, entered once a day: the
/// wings cap the loss. Exits when the spot reaches a short strike, at a profit target on the net
/// credit, or at the exit time.
/// </summary>
public sealed class IronCondorStrategy : DailyShortOptionsStrategy
{
    private readonly decimal _wingWidth;
    private readonly decimal _targetPercent;
    private decimal _shortCall;
    private decimal _shortPut;

    /// <summary>Creates the strategy from checked settings.</summary>
    /// <exception cref="ArgumentException">The entry time is not before the exit time.</exception>
    public IronCondorStrategy(StrategySettings settings)
        : base(settings, "shortDistance")
    {
        _wingWidth = settings.Integer("wingWidth");
        _targetPercent = settings.Decimal("targetPercent");
    }

    /// <summary>The catalogue entry.</summary>
    public static StrategyDefinition Definition { get; } = new(
        "iron-condor",
        "Iron condor",
        "Once a day at the entry time, sells a call above and a put below the spot (by points or by delta) and buys a call and a put the wing width further out, so the most it can lose is the width less the credit. "
        + "It closes all four legs when the spot touches either short strike, when the cost to close has fallen by the target percentage of the credit, or at the exit time. "
        + "The wings are bought first; orders are limit orders at the last traded price.",
        StrategyInstruments.OptionsOnUnderlying,
        Timeframe.OneMinute,
        [
            new StrategyParameter("entryTime", "Entry time (IST)", StrategyParameterKind.TimeOfDay, "09:20", Help: "No entry before this time."),
            OptionContracts.StrikeSelectionParameter,
            new StrategyParameter("shortDistance", "Short strike distance (points)", StrategyParameterKind.Integer, "200", 50, 5000, "With points: how far above (call) and below (put) the spot to sell."),
            new StrategyParameter("targetDelta", "Target delta", StrategyParameterKind.Decimal, "0.15", 0.01m, 0.5m, "With delta: sell the call nearest this delta and the put nearest minus this delta."),
            new StrategyParameter("wingWidth", "Wing width (points)", StrategyParameterKind.Integer, "100", 50, 2000, "How far beyond each short strike to buy the protecting wing."),
            OptionContracts.ExpiryParameter,
            new StrategyParameter("targetPercent", "Target (% of credit)", StrategyParameterKind.Decimal, "50", 0, 100, "Close when this share of the net credit is earned; 0 for no target."),
            new StrategyParameter("exitTime", "Exit time (IST)", StrategyParameterKind.TimeOfDay, "15:15", Help: "Close whatever is open at this time."),
        ],
        settings => new IronCondorStrategy(settings));

    /// <inheritdoc />
    protected override void TryEnter(IStrategyContext context, OptionChainSnapshot chain, DateOnly expiry, decimal spot)
    {
        var (shortCall, shortPut) = ShortStrikes(chain, spot);
        if (shortCall?.Instrument.Strike is not { } callStrike || shortPut?.Instrument.Strike is not { } putStrike || callStrike <= putStrike)
        {
            return;
        }

        var longCall = OptionContracts.RowAt(chain, callStrike + _wingWidth)?.Call;
        var longPut = OptionContracts.RowAt(chain, putStrike - _wingWidth)?.Put;
        OptionQuote?[] quotes = [longCall, longPut, shortCall, shortPut];
        if (!quotes.All(OptionContracts.IsPriced))
        {
            return;
        }

        // Hedges first: the broker then margins the shorts as a defined-risk spread.
        OptionLeg[] legs =
        [
            new(longCall!.Instrument, OrderSide.Buy, longCall.LastPrice),
            new(longPut!.Instrument, OrderSide.Buy, longPut.LastPrice),
            new(shortCall.Instrument, OrderSide.Sell, shortCall.LastPrice),
            new(shortPut.Instrument, OrderSide.Sell, shortPut.LastPrice),
        ];
        var credit = OptionPosition.NetCredit(legs);
        if (credit <= 0m)
        {
            return;
        }

        var reason = SignalText.Of(
            $"Iron condor: sold {putStrike:0.##} PE / {callStrike:0.##} CE, bought {putStrike - _wingWidth:0.##} PE / {callStrike + _wingWidth:0.##} CE for a net credit of {credit:0.00}, spot {spot:0.00}");

        // Confidence: the share of the wing width collected as credit, doubled and capped at 1 (a third of the width gives about 0.67).
        var confidence = Math.Min(1m, 2m * credit / _wingWidth);
        var metadata = new Dictionary<string, string>
        {
            ["spot"] = SignalText.Number(spot),
            ["expiry"] = expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["shortCallStrike"] = SignalText.Number(callStrike),
            ["shortPutStrike"] = SignalText.Number(putStrike),
            ["longCallStrike"] = SignalText.Number(callStrike + _wingWidth),
            ["longPutStrike"] = SignalText.Number(putStrike - _wingWidth),
            ["maxLoss"] = SignalText.Number(_wingWidth - credit),
        };
        Position.Open(context, legs, 0m, _targetPercent, confidence, reason, metadata);
        if (Position.IsOpen)
        {
            _shortCall = callStrike;
            _shortPut = putStrike;
            context.WatchTicks(Underlying.Id);
        }
    }

    /// <inheritdoc />
    protected override void ExitIfDue(IStrategyContext context)
    {
        if (!Position.IsOpen)
        {
            return;
        }

        string? reason = null;
        if (context.TryGetLatest(Underlying.Id, out var spotTick) && (spotTick.LastPrice >= _shortCall || spotTick.LastPrice <= _shortPut))
        {
            var strike = spotTick.LastPrice >= _shortCall ? _shortCall : _shortPut;
            reason = SignalText.Of($"Spot {spotTick.LastPrice:0.00} breached the short {(strike == _shortCall ? "call" : "put")} strike {strike:0.##}");
        }

        reason ??= Position.ExitReason(context, ExitTime);
        if (reason is null)
        {
            return;
        }

        Position.Close(context, reason, new() { ["spot"] = SignalText.Number(spotTick.LastPrice) });
        context.UnwatchTicks(Underlying.Id);
    }
}
