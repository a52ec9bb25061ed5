using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class SilenceWatchdogTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset MondayMorning = IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), new TimeOnly(10, 0));

    private readonly List<TimeSpan> _alarms = [];

    [Fact]
    public void Thirty_silent_seconds_in_session_fire_once()
    {
        var clock = new ManualClock(MondayMorning);
        using var watchdog = Watchdog(clock, new NseMarketHours());
        watchdog.Start();

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_alarms);
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal([Threshold], _alarms);
    }

    [Fact]
    public void Activity_pushes_the_alarm_back_to_thirty_seconds_after_the_last_message()
    {
        var clock = new ManualClock(MondayMorning);
        using var watchdog = Watchdog(clock, new NseMarketHours());
        watchdog.Start();

        clock.Advance(TimeSpan.FromSeconds(20));
        watchdog.Touch();
        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(_alarms);
        Assert.Equal(MondayMorning + TimeSpan.FromSeconds(50), clock.NextTimerDueAt);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([Threshold], _alarms);
    }

    [Fact]
    public void A_socket_quiet_over_the_weekend_is_not_silent_until_thirty_seconds_after_the_open()
    {
        var sunday = IndianMarketTime.AtIst(new DateOnly(2026, 9, 20), new TimeOnly(22, 0));
        var mondayOpen = IndianMarketTime.AtIst(new DateOnly(2026, 9, 21), IndianMarketTime.SessionOpen);
        var clock = new ManualClock(sunday);
        using var watchdog = Watchdog(clock, new NseMarketHours());
        watchdog.Start();

        Assert.Equal(mondayOpen, clock.NextTimerDueAt);
        clock.SetUtcNow(mondayOpen + TimeSpan.FromSeconds(29));
        Assert.Empty(_alarms);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([Threshold], _alarms);
    }

    [Fact]
    public void A_disposed_watchdog_stays_quiet()
    {
        var clock = new ManualClock(MondayMorning);
        var watchdog = Watchdog(clock, new AlwaysOpenMarketHours());
        watchdog.Start();

        watchdog.Dispose();
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(_alarms);
        Assert.Equal(0, clock.ArmedTimerCount);
    }

    private SilenceWatchdog Watchdog(ManualClock clock, IMarketHours hours) => new(Threshold, hours, clock, _alarms.Add);
}
