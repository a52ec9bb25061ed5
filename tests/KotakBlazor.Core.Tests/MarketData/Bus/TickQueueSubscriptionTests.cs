using System.Threading.Channels;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Bus;

public sealed class TickQueueSubscriptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TickBus _bus = new();

    [Fact]
    public void Full_queue_drops_the_oldest_and_counts_it()
    {
        using var subscription = _bus.SubscribeQueue(capacity: 3);

        for (var i = 1; i <= 5; i++)
        {
            _bus.Publish(Numbered(i));
        }

        Assert.Equal(3, subscription.Capacity);
        Assert.Equal(3, subscription.Count);
        Assert.Equal(2, subscription.Dropped);
        Assert.Equal([3L, 4L, 5L], ReadAll(subscription));
    }

    [Fact]
    public void Drain_returns_ticks_oldest_first_across_the_ring_wrap()
    {
        using var subscription = _bus.SubscribeQueue(capacity: 4);
        for (var i = 1; i <= 3; i++)
        {
            _bus.Publish(Numbered(i));
        }

        Assert.True(subscription.TryRead(out var first));
        Assert.Equal(1, first.Sequence);
        for (var i = 4; i <= 5; i++)
        {
            _bus.Publish(Numbered(i));
        }

        // 5 went into the first cell: the queue is full and wrapped, nothing dropped.
        var buffer = new Tick[3];
        Assert.Equal(3, subscription.Drain(buffer));
        Assert.Equal([2L, 3L, 4L], buffer.Select(t => t.Sequence));
        Assert.Equal(1, subscription.Drain(buffer));
        Assert.Equal(5L, buffer[0].Sequence);
        Assert.Equal(0, subscription.Dropped);
        Assert.Equal(0, subscription.Drain(buffer));
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_a_publish()
    {
        using var subscription = _bus.SubscribeQueue(16);

        var waiting = subscription.WaitToReadAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        _bus.Publish(Numbered(1));

        Assert.True(await waiting.WaitAsync(Patience));
        Assert.True(subscription.TryRead(out var tick));
        Assert.Equal(1, tick.Sequence);
    }

    [Fact]
    public async Task Reader_reads_everything_through_the_channel_api_and_ends_on_dispose()
    {
        var subscription = _bus.SubscribeQueue(1000);
        var reader = subscription.Reader;
        var consumer = Task.Run(async () =>
        {
            var seen = new List<long>();
            await foreach (var tick in reader.ReadAllAsync())
            {
                seen.Add(tick.Sequence);
                if (seen.Count == 500)
                {
                    break;
                }
            }

            return seen;
        });

        for (var i = 1; i <= 500; i++)
        {
            _bus.Publish(Numbered(i));
        }

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), await consumer.WaitAsync(Patience));

        var ending = reader.WaitToReadAsync().AsTask();
        subscription.Dispose();
        Assert.False(await ending.WaitAsync(Patience));
        await reader.Completion.WaitAsync(Patience);
        Assert.Equal(0, _bus.SubscriberCount);
    }

    [Fact]
    public async Task A_wait_can_be_cancelled_and_the_next_wait_still_works()
    {
        using var subscription = _bus.SubscribeQueue(16);
        using var cancel = new CancellationTokenSource();

        var waiting = subscription.WaitToReadAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        var next = subscription.WaitToReadAsync(CancellationToken.None).AsTask();
        _bus.Publish(Numbered(7));
        Assert.True(await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_reader_keeps_up_with_a_fast_publisher_without_losing_ticks_when_the_queue_is_large_enough()
    {
        using var subscription = _bus.SubscribeQueue(100_000);
        const int total = 50_000;
        var consumer = Task.Run(async () =>
        {
            var buffer = new Tick[256];
            long expected = 1;
            while (expected <= total && await subscription.WaitToReadAsync(CancellationToken.None))
            {
                var count = subscription.Drain(buffer);
                for (var i = 0; i < count; i++)
                {
                    Assert.Equal(expected++, buffer[i].Sequence);
                }
            }

            return expected - 1;
        });

        for (var i = 1; i <= total; i++)
        {
            _bus.Publish(Numbered(i));
        }

        Assert.Equal(total, await consumer.WaitAsync(Patience));
        Assert.Equal(0, subscription.Dropped);
    }

    [Fact]
    public async Task Ticks_queued_before_dispose_can_still_be_read_then_the_stream_ends()
    {
        var subscription = _bus.SubscribeQueue(16);
        _bus.Publish(Numbered(1));
        _bus.Publish(Numbered(2));

        subscription.Dispose();
        _bus.Publish(Numbered(3));

        Assert.False(subscription.Reader.Completion.IsCompleted);
        Assert.True(await subscription.WaitToReadAsync(CancellationToken.None));
        Assert.Equal([1L, 2L], ReadAll(subscription));
        Assert.False(await subscription.WaitToReadAsync(CancellationToken.None));
        await subscription.Reader.Completion.WaitAsync(Patience);
    }

    private static Tick Numbered(int sequence) => At(Ist(9, 15).AddMilliseconds(sequence), 100m) with { Sequence = sequence };

    private static List<long> ReadAll(TickQueueSubscription subscription)
    {
        var result = new List<long>();
        ChannelReader<Tick> reader = subscription.Reader;
        while (reader.TryRead(out var tick))
        {
            result.Add(tick.Sequence);
        }

        return result;
    }
}
