using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Risk;

/// <summary>
/// The last gate before a broker: while tripped, no new order goes out, whatever path it came
/// from. Tripped by an admin or automatically by the daily-loss limit; reset only by a person.
/// Lives on the kernel thread; every trip and reset comes back as a <see cref="KillSwitchChange"/>
/// for the store, the audit and the screens.
/// </summary>
public sealed class KillSwitch
{
    /// <summary>Creates a switch, armed unless a stored state says otherwise.</summary>
    public KillSwitch(KillSwitchState? state = null)
    {
        Restore(state ?? KillSwitchState.Armed);
    }

    /// <summary>The switch as it stands.</summary>
    public KillSwitchState State { get; private set; } = KillSwitchState.Armed;

    /// <summary>True while no new order may reach a broker.</summary>
    public bool IsTripped => State.IsTripped;

    /// <summary>When the daily-loss limit last tripped it, if it did since this switch was created or restored.</summary>
    public DateTimeOffset? LastAutomaticTripAt { get; private set; }

    /// <summary>Trips the switch.</summary>
    /// <param name="reason">Why, for the audit and the banner on every page.</param>
    /// <param name="actor">Who: a user name, or <c>risk</c> for the daily-loss limit.</param>
    /// <param name="automatic">True when a limit tripped it rather than a person.</param>
    /// <param name="now">When.</param>
    /// <returns>The change to store, or null when it was tripped already (tripping twice changes nothing, and the first reason stands).</returns>
    /// <exception cref="ArgumentException">A blank reason or actor: the audit must say who and why.</exception>
    public KillSwitchChange? Trip(string reason, string actor, bool automatic, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (State.IsTripped)
        {
            return null;
        }

        State = new KillSwitchState(true, reason, actor, now, automatic);
        if (automatic)
        {
            LastAutomaticTripAt = now;
        }

        return new KillSwitchChange(now, true, reason, actor, automatic);
    }

    /// <summary>Resets (re-arms) the switch so orders may go out again.</summary>
    /// <param name="reason">Why it is safe to trade again.</param>
    /// <param name="actor">The admin who reset it.</param>
    /// <param name="now">When.</param>
    /// <returns>The change to store, or null when it was not tripped.</returns>
    /// <exception cref="ArgumentException">A blank reason or actor.</exception>
    public KillSwitchChange? Reset(string reason, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!State.IsTripped)
        {
            return null;
        }

        State = new KillSwitchState(false, reason, actor, now);
        return new KillSwitchChange(now, false, reason, actor, false);
    }

    /// <summary>Takes the state stored before a restart.</summary>
    public void Restore(KillSwitchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
        LastAutomaticTripAt = state is { IsTripped: true, Automatic: true } ? state.ChangedAt : null;
    }

    /// <summary>Whether the daily-loss limit tripped it on the IST day of <paramref name="now"/>.</summary>
    internal bool TrippedAutomaticallyOn(DateTimeOffset now) =>
        LastAutomaticTripAt is { } at && IndianMarketTime.IstDate(at) == IndianMarketTime.IstDate(now);
}
