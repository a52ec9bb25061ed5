namespace KotakBlazor.Core.Risk;

/// <summary>The kill switch as it stands: persisted, so it survives a restart.</summary>
/// <param name="IsTripped">True while no new order may reach a broker.</param>
/// <param name="Reason">Why it was last tripped or reset.</param>
/// <param name="ChangedBy">Who changed it last (a user name, or <c>risk</c> for the daily-loss limit).</param>
/// <param name="ChangedAt">When.</param>
/// <param name="Automatic">True when the daily-loss limit tripped it.</param>
public sealed record KillSwitchState(bool IsTripped, string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt, bool Automatic = false)
{
    /// <summary>Never tripped.</summary>
    public static KillSwitchState Armed { get; } = new(false, null, null, null);
}

/// <summary>One trip or reset, for the history and the audit.</summary>
/// <param name="Time">When.</param>
/// <param name="Tripped">True for a trip, false for a reset.</param>
/// <param name="Reason">Why.</param>
/// <param name="Actor">Who.</param>
/// <param name="Automatic">True when the daily-loss limit did it.</param>
public sealed record KillSwitchChange(DateTimeOffset Time, bool Tripped, string Reason, string Actor, bool Automatic);

/// <summary>Where the risk limits and the kill switch are kept.</summary>
public interface IRiskStore
{
    /// <summary>The stored limits, or the defaults when none were stored.</summary>
    Task<RiskLimits> LoadLimitsAsync(CancellationToken cancellationToken);

    /// <summary>Stores new limits.</summary>
    Task SaveLimitsAsync(RiskLimits limits, string changedBy, CancellationToken cancellationToken);

    /// <summary>The kill switch as last stored (armed when never tripped).</summary>
    Task<KillSwitchState> LoadKillSwitchAsync(CancellationToken cancellationToken);

    /// <summary>Stores a trip or reset and appends it to the history, in one transaction.</summary>
    Task SaveKillSwitchAsync(KillSwitchChange change, CancellationToken cancellationToken);

    /// <summary>Trips and resets, newest first.</summary>
    Task<IReadOnlyList<KillSwitchChange>> LoadKillSwitchHistoryAsync(int limit, CancellationToken cancellationToken);
}
