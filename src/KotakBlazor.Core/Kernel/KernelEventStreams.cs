using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Kernel;

/// <summary>The live kernel's events, fanned out to persistence, screens and the hub.</summary>
public sealed class KernelEventStreams : IKernelEvents
{
    /// <summary>Every signal, in the order strategies raised them.</summary>
    public EventStream<Signal> Signals { get; } = new();

    /// <summary>Every change of a strategy's status.</summary>
    public EventStream<StrategyChange> StrategyChanges { get; } = new();

    /// <summary>Portfolio snapshots (positions and P&amp;L).</summary>
    public EventStream<PortfolioSnapshot> Portfolio { get; } = new();

    /// <summary>Kill-switch trips and resets.</summary>
    public EventStream<KillSwitchChange> KillSwitch { get; } = new();

    /// <inheritdoc />
    public void PortfolioChanged(PortfolioSnapshot portfolio) => Portfolio.Publish(portfolio);

    /// <inheritdoc />
    public void KillSwitchChanged(KillSwitchChange change) => KillSwitch.Publish(change);

    /// <inheritdoc />
    public void SignalRaised(Signal signal) => Signals.Publish(signal);

    /// <inheritdoc />
    public void StrategyChanged(StrategyStatus status, bool removed, Exception? fault) =>
        StrategyChanges.Publish(new StrategyChange(status, removed, fault));
}
