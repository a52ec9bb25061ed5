using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Time;

public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 11, 24, 3, 45, 0, TimeSpan.Zero);

    [Fact]
    public void Time_moves_only_when_told()
    {
        var clock = new ManualClock(Start);
        var timestamp = clock.GetTimestamp();

        Assert.Equal(Start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(Start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(timestamp));
        clock.SetUtcNow(Start.AddHours(1));
        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void Time_never_runs_backwards()
    {
        var clock = new ManualClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void One_shot_timer_fires_once_when_its_due_time_is_passed_with_the_clock_at_the_due_time()
    {
        var clock = new ManualClock(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(firedAt);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([Start.AddSeconds(5)], firedAt);
        Assert.Equal(Start.AddSeconds(14), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_timer_rearms_and_fires_for_every_period_passed()
    {
        var clock = new ManualClock(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5)], firedAt);
    }

    [Fact]
    public void Timers_fire_in_due_order_and_pass_their_state()
    {
        var clock = new ManualClock(Start);
        var fired = new List<string>();
        using var late = clock.CreateTimer(s => fired.Add((string)s!), "late", TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(s => fired.Add((string)s!), "early", TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["early", "late"], fired);
    }

    [Fact]
    public void Change_moves_the_due_time_and_infinite_disarms()
    {
        var clock = new ManualClock(Start);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.True(timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, count);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, count);
        Assert.Equal(0, clock.ArmedTimerCount);
    }

    [Fact]
    public void Disposed_timer_never_fires_and_cannot_be_changed()
    {
        var clock = new ManualClock(Start);
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, count);
        Assert.False(timer.Change(TimeSpan.Zero, TimeSpan.Zero));
        Assert.Equal(0, count);
    }

    [Fact]
    public void A_periodic_timer_can_dispose_itself_from_its_callback()
    {
        var clock = new ManualClock(Start);
        var count = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(_ => { if (++count == 2) { timer!.Dispose(); } }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Task_Delay_on_the_clock_completes_only_after_advancing()
    {
        var clock = new ManualClock(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        Assert.Equal(Start.AddSeconds(30), clock.NextTimerDueAt);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitForArmedTimers_completes_when_code_starts_waiting()
    {
        var clock = new ManualClock(Start);
        var waiting = clock.WaitForArmedTimersAsync(1, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, clock.ArmedTimerCount);
    }
}
