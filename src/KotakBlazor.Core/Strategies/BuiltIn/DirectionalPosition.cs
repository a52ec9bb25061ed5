using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// The one position a directional strategy holds, kept from its own signals: what it trades,
/// which way, and the stop-loss and target it announced. It watches the traded instrument's
/// ticks while a position is open and exits on the stop or the target, so the strategy's idea of
/// its position never drifts from what it signalled.
/// </summary>
internal sealed class DirectionalPosition(StrategySettings settings)
{
    private Instrument? _traded;

    /// <summary>The configured instrument (the one whose bars the strategy reads unless it says otherwise).</summary>
    public Instrument Configured { get; } = settings.Instruments[0];

    /// <summary>Whether the strategy reads the traded instrument's ticks all the time, so an exit must not stop them.</summary>
    public bool KeepsWatching { get; init; }

    /// <summary>What is held: flat, long or short.</summary>
    public StrategyPosition Side { get; private set; }

    /// <summary>The announced stop-loss of the open position.</summary>
    public decimal? StopLoss { get; private set; }

    /// <summary>The announced target of the open position.</summary>
    public decimal? Target { get; private set; }

    /// <summary>The instrument ordered (a future for an index), resolved from the context's catalogue on first use.</summary>
    /// <exception cref="ArgumentException">An index without a listed future.</exception>
    public Instrument Traded(IStrategyContext context) => _traded ??= DirectionalInstrument.Resolve(Configured, context.Instruments);

    /// <summary>
    /// Enters at the traded instrument's last price with the stop and target that far away.
    /// False, with nothing emitted, when that instrument has no price yet.
    /// </summary>
    public bool Enter(
        IStrategyContext context,
        OrderSide side,
        decimal? stopDistance,
        decimal? targetDistance,
        decimal confidence,
        string reason,
        Dictionary<string, string> metadata)
    {
        var traded = Traded(context);
        if (Side != StrategyPosition.Flat || !context.TryGetLatest(traded.Id, out var tick) || tick.LastPrice <= 0)
        {
            return false;
        }

        var price = tick.LastPrice;
        var direction = side == OrderSide.Buy ? 1m : -1m;
        decimal? stop = stopDistance is > 0 ? traded.RoundToTick(price - (direction * stopDistance.Value)) : null;
        decimal? target = targetDistance is > 0 ? traded.RoundToTick(price + (direction * targetDistance.Value)) : null;
        metadata["tradedSymbol"] = traded.TradingSymbol;
        metadata["price"] = SignalText.Number(price);
        context.Emit(SignalKind.Entry, [LegOf(traded, side, price)], stop, target, confidence, reason, metadata);

        // Signals are not emitted while warming up, so nothing is held then either.
        if (!context.IsWarmingUp)
        {
            Side = side == OrderSide.Buy ? StrategyPosition.Long : StrategyPosition.Short;
            StopLoss = stop;
            Target = target;
            context.WatchTicks(traded.Id);
        }

        return true;
    }

    /// <summary>Closes the open position at the traded instrument's last price; does nothing when flat.</summary>
    public void Exit(IStrategyContext context, decimal confidence, string reason, Dictionary<string, string> metadata)
    {
        if (Side == StrategyPosition.Flat)
        {
            return;
        }

        var traded = Traded(context);
        var price = context.TryGetLatest(traded.Id, out var tick) ? tick.LastPrice : 0m;
        var side = Side == StrategyPosition.Long ? OrderSide.Sell : OrderSide.Buy;
        metadata["tradedSymbol"] = traded.TradingSymbol;
        metadata["price"] = SignalText.Number(price);
        context.Emit(SignalKind.Exit, [LegOf(traded, side, price)], null, null, confidence, reason, metadata);
        Side = StrategyPosition.Flat;
        StopLoss = null;
        Target = null;
        if (!KeepsWatching)
        {
            context.UnwatchTicks(traded.Id);
        }
    }

    /// <summary>Exits when a tick of the traded instrument reaches the stop-loss or the target.</summary>
    public void OnTick(decimal price, IStrategyContext context)
    {
        if (Side == StrategyPosition.Flat || _traded is null)
        {
            return;
        }

        var isLong = Side == StrategyPosition.Long;
        if (StopLoss is { } stop && (isLong ? price <= stop : price >= stop))
        {
            Exit(context, 1m, SignalText.Of($"Stop-loss {stop} hit: {_traded.TradingSymbol} traded at {price}"), new() { ["stopLoss"] = SignalText.Number(stop) });
        }
        else if (Target is { } target && (isLong ? price >= target : price <= target))
        {
            Exit(context, 1m, SignalText.Of($"Target {target} reached: {_traded.TradingSymbol} traded at {price}"), new() { ["target"] = SignalText.Number(target) });
        }
    }

    private SignalLeg LegOf(Instrument instrument, OrderSide side, decimal price) =>
        new(instrument.Id, instrument.TradingSymbol, side, settings.Lots * instrument.LotSize, OrderType.Market, price);
}
