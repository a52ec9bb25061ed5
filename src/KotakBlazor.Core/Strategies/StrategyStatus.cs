namespace KotakBlazor.Core.Strategies;

/// <summary>A strategy's state as screens show it: immutable, replaced on every change.</summary>
/// <param name="Config">Its configuration.</param>
/// <param name="Enabled">Whether it runs.</param>
/// <param name="Error">Why it was stopped, when it threw; null otherwise.</param>
/// <param name="SignalsToday">Signals raised on the current IST date.</param>
/// <param name="LastSignalAt">When it last raised a signal.</param>
public sealed record StrategyStatus(StrategyConfig Config, bool Enabled, string? Error, int SignalsToday, DateTimeOffset? LastSignalAt)
{
    /// <summary>The strategy instance's id.</summary>
    public Guid Id => Config.Id;
}
