using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;

namespace KotakBlazor.Core.Strategies;

/// <summary>
/// A running strategy inside the trading kernel. The kernel calls it from one thread, in the
/// order of the market data, so a strategy keeps plain fields and needs no locks. It must
/// not read the wall clock or any outside state: the context's time and data are everything,
/// which is what makes a replayed day give the same signals as the live one.
/// </summary>
public abstract class Strategy
{
    /// <summary>Creates the strategy from checked settings.</summary>
    protected Strategy(StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <summary>Its configuration, checked and typed.</summary>
    public StrategySettings Settings { get; }

    /// <summary>The instruments whose closed bars (of the configured timeframe) reach <see cref="OnBar"/>.</summary>
    public virtual IEnumerable<InstrumentId> BarInstruments => Settings.Instruments.Select(i => i.Id);

    /// <summary>The instruments whose every tick reaches <see cref="OnTick"/> from the start.</summary>
    public virtual IEnumerable<InstrumentId> TickInstruments => [];

    /// <summary>A bar of the configured timeframe closed.</summary>
    public virtual void OnBar(in Bar bar, IStrategyContext context)
    {
    }

    /// <summary>A tick of a watched instrument arrived.</summary>
    public virtual void OnTick(in Tick tick, IStrategyContext context)
    {
    }

    /// <summary>A single-leg order for <see cref="StrategySettings.Lots"/> lots of an instrument.</summary>
    protected SignalLeg Leg(Instrument instrument, OrderSide side, decimal price, OrderType orderType = OrderType.Market)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new SignalLeg(instrument.Id, instrument.TradingSymbol, side, Settings.Lots * instrument.LotSize, orderType, price);
    }
}
