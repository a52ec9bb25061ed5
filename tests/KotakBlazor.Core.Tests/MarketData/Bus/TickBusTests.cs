using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Bus;

public sealed class TickBusTests
{
    private readonly TickBus _bus = new();

    [Fact]
    public void Every_subscriber_gets_every_tick_in_order()
    {
        var subscriptions = Enumerable.Range(0, 5).Select(_ => _bus.SubscribeQueue(100)).ToArray();

        for (var i = 1; i <= 10; i++)
        {
            _bus.Publish(At(Ist(9, 15, i), 100m + i) with { Sequence = i });
        }

        Assert.Equal(5, _bus.SubscriberCount);
        foreach (var subscription in subscriptions)
        {
            var buffer = new Tick[20];
            var count = subscription.Drain(buffer);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), buffer[..count].Select(t => t.Sequence));
        }
    }

    [Fact]
    public void Disposing_a_subscription_unsubscribes_it_and_leaves_the_others()
    {
        var leaving = _bus.SubscribeQueue(10);
        using var staying = _bus.SubscribeQueue(10);
        using var latest = _bus.SubscribeLatest();

        leaving.Dispose();
        _bus.Publish(At(Ist(9, 15, 1), 100m));

        Assert.Equal(2, _bus.SubscriberCount);
        Assert.Equal(0, leaving.Count);
        Assert.Equal(1, staying.Count);
        Assert.True(latest.HasChanges);
        leaving.Dispose();
        Assert.Equal(2, _bus.SubscriberCount);
    }

    [Fact]
    public void A_slow_subscriber_loses_its_oldest_ticks_and_never_holds_up_the_others()
    {
        using var slow = _bus.SubscribeQueue(capacity: 8);
        using var fast = _bus.SubscribeQueue(capacity: 10_000);

        for (var i = 1; i <= 1000; i++)
        {
            _bus.Publish(At(Ist(9, 15).AddMilliseconds(i), 100m) with { Sequence = i });
        }

        Assert.Equal(1000, fast.Count);
        Assert.Equal(0, fast.Dropped);
        Assert.Equal(992, slow.Dropped);
        var buffer = new Tick[8];
        Assert.Equal(8, slow.Drain(buffer));
        Assert.Equal(Enumerable.Range(993, 8).Select(i => (long)i), buffer.Select(t => t.Sequence));
    }

    [Fact]
    public async Task Subscribers_may_come_and_go_while_ticks_are_published()
    {
        using var steady = _bus.SubscribeQueue(capacity: 200_000);
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(() =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested || rounds < 100)
            {
                using var queue = _bus.SubscribeQueue(4);
                using var latest = _bus.SubscribeLatest([Nifty]);
                rounds++;
            }

            return rounds;
        });

        for (var i = 1; i <= 100_000; i++)
        {
            _bus.Publish(At(Ist(9, 15).AddTicks(i), 100m) with { Sequence = i });
        }

        await stop.CancelAsync();
        var rounds = await churn;

        Assert.True(rounds >= 100);
        Assert.Equal(100_000, steady.Count);
        Assert.Equal(1, _bus.SubscriberCount);
    }

    [Fact]
    public void Publishing_allocates_nothing_after_warm_up()
    {
        using var queue1 = _bus.SubscribeQueue(4096);
        using var queue2 = _bus.SubscribeQueue(16);
        using var latest = _bus.SubscribeLatest([Nifty, Reliance]);
        using var everything = _bus.SubscribeLatest();
        var ticks = Enumerable.Range(0, 10_000)
            .Select(i => At(Ist(9, 15).AddMilliseconds(i), 100m, instrument: new InstrumentId(ExchangeSegment.NseFo, 1 + (i % 100))))
            .ToArray();
        var drained = new Tick[4096];
        var changed = new List<Tick>(128);
        for (var i = 0; i < 5000; i++)
        {
            _bus.Publish(in ticks[i]);
        }

        queue1.Drain(drained);
        everything.TakeChanged(changed);
        changed.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 5000; i < ticks.Length; i++)
        {
            _bus.Publish(in ticks[i]);
        }

        queue1.Drain(drained);
        everything.TakeChanged(changed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(100, changed.Count);
        Assert.Equal(10_000 - 16, queue2.Dropped);
    }
}
