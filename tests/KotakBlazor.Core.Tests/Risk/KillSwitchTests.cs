using KotakBlazor.Core.Risk;

namespace KotakBlazor.Core.Tests.Risk;

public sealed class KillSwitchTests
{
    private static readonly DateTimeOffset Morning = TestTicks.Ist(10, 0);

    [Fact]
    public void New_switch_is_armed()
    {
        var killSwitch = new KillSwitch();

        Assert.False(killSwitch.IsTripped);
        Assert.Equal(KillSwitchState.Armed, killSwitch.State);
    }

    [Fact]
    public void Trip_returns_the_change_and_records_who_why_and_when()
    {
        var killSwitch = new KillSwitch();

        var change = killSwitch.Trip("Feed looks wrong", "asha", automatic: false, Morning);

        Assert.Equal(new KillSwitchChange(Morning, true, "Feed looks wrong", "asha", false), change);
        Assert.True(killSwitch.IsTripped);
        Assert.Equal(new KillSwitchState(true, "Feed looks wrong", "asha", Morning, false), killSwitch.State);
        Assert.Null(killSwitch.LastAutomaticTripAt);
    }

    [Fact]
    public void Tripping_a_tripped_switch_changes_nothing_and_the_first_reason_stands()
    {
        var killSwitch = new KillSwitch();
        killSwitch.Trip("first", "asha", false, Morning);

        Assert.Null(killSwitch.Trip("second", "risk", true, Morning.AddMinutes(1)));
        Assert.Equal("first", killSwitch.State.Reason);
        Assert.Null(killSwitch.LastAutomaticTripAt);
    }

    [Fact]
    public void Reset_rearms_and_resetting_an_armed_switch_changes_nothing()
    {
        var killSwitch = new KillSwitch();
        Assert.Null(killSwitch.Reset("nothing to reset", "admin", Morning));

        killSwitch.Trip("loss", "risk", true, Morning);
        var change = killSwitch.Reset("Reviewed the loss", "admin", Morning.AddMinutes(5));

        Assert.Equal(new KillSwitchChange(Morning.AddMinutes(5), false, "Reviewed the loss", "admin", false), change);
        Assert.False(killSwitch.IsTripped);
        Assert.Equal("admin", killSwitch.State.ChangedBy);
        Assert.Equal(Morning, killSwitch.LastAutomaticTripAt);
    }

    [Theory]
    [InlineData("", "admin")]
    [InlineData("why", " ")]
    public void Audit_needs_a_reason_and_an_actor(string reason, string actor)
    {
        var killSwitch = new KillSwitch();

        Assert.Throws<ArgumentException>(() => killSwitch.Trip(reason, actor, false, Morning));
        Assert.False(killSwitch.IsTripped);
        killSwitch.Trip("x", "admin", false, Morning);
        Assert.Throws<ArgumentException>(() => killSwitch.Reset(reason, actor, Morning));
        Assert.True(killSwitch.IsTripped);
    }

    [Fact]
    public void Restored_tripped_state_survives_a_restart()
    {
        var stored = new KillSwitchState(true, "Daily loss", "risk", Morning, Automatic: true);

        var killSwitch = new KillSwitch(stored);

        Assert.True(killSwitch.IsTripped);
        Assert.Equal(stored, killSwitch.State);
        Assert.Equal(Morning, killSwitch.LastAutomaticTripAt);
        Assert.Null(killSwitch.Trip("again", "asha", false, Morning.AddHours(1)));

        killSwitch.Restore(KillSwitchState.Armed);
        Assert.False(killSwitch.IsTripped);
        Assert.Null(killSwitch.LastAutomaticTripAt);
    }
}
