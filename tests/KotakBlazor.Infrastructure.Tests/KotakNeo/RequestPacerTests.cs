using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

public sealed class RequestPacerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_budget_passes_at_once_and_the_next_call_waits_until_the_first_leaves_the_window()
    {
        using var pacer = new RequestPacer(3, _clock);
        await pacer.WaitTurnAsync(None);
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        await pacer.WaitTurnAsync(None);
        await pacer.WaitTurnAsync(None);
        Assert.Equal(0, pacer.RemainingNow);

        var fourth = pacer.WaitTurnAsync(None);
        await _clock.WaitForArmedTimersAsync(1, None);
        Assert.False(fourth.IsCompleted);
        // The first call left at 0 ms: the fourth may go at 1000 ms, that is 600 ms from now, and not before.
        Assert.Equal(_clock.GetUtcNow().AddMilliseconds(600), _clock.NextTimerDueAt);
        _clock.Advance(TimeSpan.FromMilliseconds(599));
        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await fourth;

        // Calls two and three (at 400 ms) are still in the window until 1400 ms.
        Assert.Equal(0, pacer.RemainingNow);
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(2, pacer.RemainingNow);
    }

    [Fact]
    public async Task Waiting_calls_leave_in_the_order_they_arrived_one_a_second()
    {
        using var pacer = new RequestPacer(1, _clock);
        await pacer.WaitTurnAsync(None);
        var waiting = Enumerable.Range(0, 3).Select(_ => pacer.WaitTurnAsync(None)).ToArray();

        for (var turn = 0; turn < 3; turn++)
        {
            await _clock.WaitForArmedTimersAsync(1, None);
            Assert.All(waiting, (w, i) => Assert.Equal(i < turn, w.IsCompleted));
            _clock.Advance(TimeSpan.FromSeconds(1));
            await waiting[turn];
        }
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_without_taking_a_turn()
    {
        using var pacer = new RequestPacer(1, _clock);
        await pacer.WaitTurnAsync(None);
        using var cancel = new CancellationTokenSource();

        var waiting = pacer.WaitTurnAsync(cancel.Token);
        await _clock.WaitForArmedTimersAsync(1, None);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, pacer.RemainingNow);
    }
}
