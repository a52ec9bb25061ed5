using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Tests.Kernel;

internal sealed class RecordingKernelEvents : IKernelEvents
{
    public List<Signal> Signals { get; } = [];

    public List<(StrategyStatus Status, bool Removed, Exception? Fault)> Changes { get; } = [];

    public void SignalRaised(Signal signal) => Signals.Add(signal);

    public void StrategyChanged(StrategyStatus status, bool removed, Exception? fault) => Changes.Add((status, removed, fault));
}
