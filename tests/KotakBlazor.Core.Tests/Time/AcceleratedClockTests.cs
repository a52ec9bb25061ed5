using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Time;

public sealed class AcceleratedClockTests
{
    [Fact]
    public void Time_runs_speed_times_faster_than_the_underlying_clock()
    {
        var real = new ManualClock(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedClock(30, real);

        real.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 4, 1, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void Timers_fire_after_the_scaled_real_delay()
    {
        var real = new ManualClock(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedClock(10, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_speed_that_is_not_positive_is_refused(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedClock(speed));
}
