using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Execution;

public sealed class PacerAndGateTests
{
    [Fact]
    public async Task Ten_sends_go_at_once_and_the_eleventh_waits_for_the_first_to_be_a_second_old()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));
        var pacer = new OrderPacer(clock, 10);
        for (var i = 0; i < 10; i++)
        {
            await pacer.WaitTurnAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(0, pacer.Remaining);
        var eleventh = pacer.WaitTurnAsync(CancellationToken.None);
        await clock.WaitForArmedTimersAsync(1, CancellationToken.None);
        Assert.False(eleventh.IsCompleted);

        // The first send was at 0 ms, now is 100 ms: due at 1000 ms.
        clock.Advance(TimeSpan.FromMilliseconds(899));
        Assert.False(eleventh.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await eleventh;
    }

    [Fact]
    public async Task A_fixed_delay_spaces_sends_even_under_the_rate()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));
        var pacer = new OrderPacer(clock, 0, TimeSpan.FromSeconds(2));
        await pacer.WaitTurnAsync(CancellationToken.None);

        var second = pacer.WaitTurnAsync(CancellationToken.None);
        await clock.WaitForArmedTimersAsync(1, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await second;
    }

    [Fact]
    public async Task A_trip_waits_for_sends_already_through_the_gate()
    {
        var gate = new KillSwitchGate();
        var permit = gate.TryEnter();
        Assert.NotNull(permit);

        gate.SetTripped(true);
        var drained = gate.WaitForSendsInFlightAsync();

        Assert.Null(gate.TryEnter());
        Assert.False(drained.IsCompleted);
        permit.Dispose();
        permit.Dispose();
        await drained;
        Assert.NotNull(gate.TryEnter(reducesRisk: true));
    }
}
