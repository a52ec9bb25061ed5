using KotakBlazor.Core.MarketData.Bus;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Bus;

public sealed class LatestTickSubscriptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TickBus _bus = new();

    [Fact]
    public void Bursts_coalesce_to_the_latest_tick_per_instrument_in_order_of_first_change()
    {
        using var subscription = _bus.SubscribeLatest();

        _bus.Publish(At(Ist(9, 15, 1), 100m, instrument: Reliance));
        _bus.Publish(At(Ist(9, 15, 1), 200m, instrument: Nifty));
        _bus.Publish(At(Ist(9, 15, 2), 101m, instrument: Reliance));
        _bus.Publish(At(Ist(9, 15, 3), 102m, instrument: Reliance));

        var changed = subscription.TakeChanged();
        Assert.Equal([(Reliance, 102m), (Nifty, 200m)], changed.Select(t => (t.Instrument, t.LastPrice)));
        Assert.Empty(subscription.TakeChanged());
        Assert.False(subscription.HasChanges);

        _bus.Publish(At(Ist(9, 15, 4), 201m, instrument: Nifty));
        Assert.Equal([201m], subscription.TakeChanged().Select(t => t.LastPrice));
    }

    [Fact]
    public void A_filter_passes_only_its_instruments()
    {
        using var subscription = _bus.SubscribeLatest([Nifty]);

        _bus.Publish(At(Ist(9, 15, 1), 100m, instrument: Reliance));
        _bus.Publish(At(Ist(9, 15, 1), 200m, instrument: Nifty));

        Assert.Equal([Nifty], subscription.TakeChanged().Select(t => t.Instrument));
        Assert.Equal([Nifty], subscription.Filter!);
    }

    [Fact]
    public void Changing_the_filter_forgets_unwanted_pending_changes_and_lets_new_instruments_through()
    {
        using var subscription = _bus.SubscribeLatest([Nifty, Reliance]);
        _bus.Publish(At(Ist(9, 15, 1), 100m, instrument: Reliance));
        _bus.Publish(At(Ist(9, 15, 1), 200m, instrument: Nifty));

        subscription.SetFilter([Nifty, NiftyFuture]);
        _bus.Publish(At(Ist(9, 15, 2), 101m, instrument: Reliance));
        _bus.Publish(At(Ist(9, 15, 2), 210m, instrument: NiftyFuture));

        Assert.Equal([Nifty, NiftyFuture], subscription.TakeChanged().Select(t => t.Instrument));

        subscription.SetFilter(null);
        _bus.Publish(At(Ist(9, 15, 3), 102m, instrument: Reliance));
        Assert.Equal([Reliance], subscription.TakeChanged().Select(t => t.Instrument));
        Assert.Null(subscription.Filter);
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_a_change_it_wants_and_not_by_others()
    {
        using var subscription = _bus.SubscribeLatest([Nifty]);

        var waiting = subscription.WaitForChangesAsync(CancellationToken.None).AsTask();
        _bus.Publish(At(Ist(9, 15, 1), 100m, instrument: Reliance));
        Assert.False(subscription.HasChanges);
        Assert.False(waiting.IsCompleted);
        _bus.Publish(At(Ist(9, 15, 1), 200m, instrument: Nifty));

        Assert.True(await waiting.WaitAsync(Patience));
        Assert.True(await subscription.WaitForChangesAsync(CancellationToken.None));
        Assert.Single(subscription.TakeChanged());
    }

    [Fact]
    public async Task Disposing_unsubscribes_and_ends_a_wait()
    {
        var subscription = _bus.SubscribeLatest();
        var waiting = subscription.WaitForChangesAsync(CancellationToken.None).AsTask();

        subscription.Dispose();

        Assert.False(await waiting.WaitAsync(Patience));
        Assert.Equal(0, _bus.SubscriberCount);
        _bus.Publish(At(Ist(9, 15, 1), 200m));
        Assert.False(subscription.HasChanges);
        Assert.False(await subscription.WaitForChangesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_can_be_cancelled()
    {
        using var subscription = _bus.SubscribeLatest();
        using var cancel = new CancellationTokenSource();
        var waiting = subscription.WaitForChangesAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }

    [Fact]
    public void Many_instruments_grow_the_slots()
    {
        using var subscription = _bus.SubscribeLatest();
        for (var token = 1; token <= 100; token++)
        {
            _bus.Publish(At(Ist(9, 15, 1), token, instrument: new(KotakBlazor.Core.Instruments.ExchangeSegment.NseFo, token)));
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(p => (decimal)p), subscription.TakeChanged().Select(t => t.LastPrice));
    }
}
