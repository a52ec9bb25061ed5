using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Signals;

namespace KotakBlazor.Core.Strategies;

/// <summary>What the kernel offers a strategy while it handles a bar or a tick.</summary>
public interface IStrategyContext
{
    /// <summary>The exchange time of the input being handled: the strategy's only clock, so replay equals live.</summary>
    DateTimeOffset Now { get; }

    /// <summary>True while stored history is replayed to warm the strategy up; signals are not emitted then.</summary>
    bool IsWarmingUp { get; }

    /// <summary>The instruments the session knows.</summary>
    IInstrumentCatalog Instruments { get; }

    /// <summary>The latest tick the kernel has seen for an instrument.</summary>
    bool TryGetLatest(InstrumentId instrument, out Tick tick);

    /// <summary>Asks for every tick of an instrument (an option leg, say) through <see cref="Strategy.OnTick"/>.</summary>
    void WatchTicks(InstrumentId instrument);

    /// <summary>Stops the ticks asked for with <see cref="WatchTicks"/>.</summary>
    void UnwatchTicks(InstrumentId instrument);

    /// <summary>Raises a signal. Ignored while warming up.</summary>
    void Emit(
        SignalKind kind,
        IReadOnlyList<SignalLeg> legs,
        decimal? stopLoss,
        decimal? target,
        decimal confidence,
        string reason,
        IReadOnlyDictionary<string, string>? metadata = null);
}
