using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Kernel;

/// <summary>
/// Where the kernel reports what happened. Called on the kernel's thread: implementations
/// hand the event on (to a queue) and return at once, never doing I/O inline.
/// </summary>
public interface IKernelEvents
{
    /// <summary>A strategy raised a signal.</summary>
    void SignalRaised(Signal signal);

    /// <summary>A strategy was added, changed, enabled, disabled, removed (<paramref name="removed"/>) or stopped by an error (<paramref name="fault"/>).</summary>
    void StrategyChanged(StrategyStatus status, bool removed, Exception? fault);

    /// <summary>Positions or P&amp;L changed (after a fill at once; while prices move, a few times a second).</summary>
    void PortfolioChanged(PortfolioSnapshot portfolio)
    {
    }

    /// <summary>The kill switch was tripped or reset (by a person, or by the daily-loss limit).</summary>
    void KillSwitchChanged(KillSwitchChange change)
    {
    }
}
