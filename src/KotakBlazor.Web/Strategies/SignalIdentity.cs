using KotakBlazor.Core.Signals;

namespace KotakBlazor.Web.Strategies;

/// <summary>
/// Tells a signal loaded from the store from the same signal arriving live: a strategy raises at
/// most one signal per input, so its id and the input's time (to the millisecond the store keeps) identify it.
/// </summary>
internal readonly record struct SignalIdentity(Guid StrategyId, long UnixMilliseconds)
{
    public static SignalIdentity Of(Signal signal) => new(signal.StrategyId, signal.Time.ToUnixTimeMilliseconds());
}
