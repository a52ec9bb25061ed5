using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Tests.Execution;

/// <summary>
/// The desk's listener for the broker's pushes: whatever has arrived while the desk was busy is
/// worked out change by change, each on top of the ones before, and stored in one write.
/// </summary>
public sealed class BrokerPushTests : IDisposable
{
    private readonly DeskFixture _desk = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private readonly TaskCompletionSource _firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _releaseFirstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventStream<Order>.Subscription _changes;
    private readonly Task _listening;
    private string? _poisonTrade;
    private bool _holding;

    public BrokerPushTests()
    {
        _changes = _desk.Manager.Changes.Subscribe(4096);
        _listening = _desk.Manager.RunAsync(_stop.Token);
        _desk.Store.BeforeSave = async changes =>
        {
            if (_holding)
            {
                // The first push's write is held, so the next ones queue up behind the desk's lock.
                _holding = false;
                _firstWriteStarted.SetResult();
                await _releaseFirstWrite.Task;
            }

            if (_poisonTrade is { } poison && changes.SelectMany(c => c.Fills).Any(f => f.TradeId == poison))
            {
                throw new InvalidOperationException($"disk says no to {poison}");
            }
        };
    }

    [Fact]
    public async Task A_fills_status_and_its_trade_that_arrive_together_are_stored_in_one_write()
    {
        var blocker = await PlaceAsync(DeskFixture.Buy(instrument: DeskFixture.NiftyPut));
        var order = await PlaceAsync(DeskFixture.Buy());

        await HoldFirstWriteAsync(blocker);
        _desk.Broker.Fill(order.BrokerOrderId!, 101m, _desk.Clock.GetUtcNow());
        _releaseFirstWrite.SetResult();
        await UntilAsync(() => Stored(order).Status == OrderStatus.Filled && _desk.Store.AllFills.Any(f => f.OrderId == order.Id));

        var writes = _desk.Store.Writes.Where(w => w.Contains(order.Id)).ToList();
        // Placing it wrote its acknowledgement; then one write for the status and the trade.
        var pushes = Assert.Single(writes.Skip(1));
        Assert.Equal(2, pushes.Count(id => id == order.Id));
        Assert.Equal(101m, Assert.Single(_desk.Store.AllFills, f => f.OrderId == order.Id).Price);
    }

    [Fact]
    public async Task A_buy_and_the_sell_that_flattens_it_filled_in_one_write_close_the_position()
    {
        var blocker = await PlaceAsync(DeskFixture.Buy(instrument: DeskFixture.NiftyPut));
        var entry = await PlaceAsync(DeskFixture.Buy());
        var exit = await PlaceAsync(DeskFixture.Sell(purpose: OrderPurpose.Exit));

        await HoldFirstWriteAsync(blocker);
        _desk.Broker.Fill(entry.BrokerOrderId!, 100m, _desk.Clock.GetUtcNow());
        _desk.Broker.Fill(exit.BrokerOrderId!, 110m, _desk.Clock.GetUtcNow());
        _releaseFirstWrite.SetResult();
        await UntilAsync(() => _desk.Store.AllFills.Count == 3 && Stored(entry).Position == PositionState.Closed);

        // The exit's fill saw the entry's fill from earlier in the same batch; the trades that came
        // after did not undo the close or the fill.
        var stored = Stored(entry);
        Assert.Equal(OrderStatus.Filled, stored.Status);
        Assert.Equal(65, stored.FilledQuantity);
        Assert.NotNull(stored.ClosedAt);
        Assert.Equal(stored, _desk.Manager.Find(entry.Id));
        Assert.Equal(OrderStatus.Filled, Stored(exit).Status);
        Assert.Equal(PositionState.Ongoing, Stored(blocker).Position);
    }

    [Fact]
    public async Task When_the_batched_write_fails_each_push_is_stored_alone_and_only_the_bad_one_is_lost()
    {
        var blocker = await PlaceAsync(DeskFixture.Buy(instrument: DeskFixture.NiftyPut));
        var poisoned = await PlaceAsync(DeskFixture.Buy());
        var healthy = await PlaceAsync(DeskFixture.Sell(instrument: DeskFixture.NiftyPut));

        await HoldFirstWriteAsync(blocker);
        _desk.Broker.Fill(poisoned.BrokerOrderId!, 100m, _desk.Clock.GetUtcNow());
        _desk.Broker.Fill(healthy.BrokerOrderId!, 60m, _desk.Clock.GetUtcNow());
        _poisonTrade = "T2";
        _releaseFirstWrite.SetResult();
        await UntilAsync(() => _desk.Store.AllFills.Any(f => f.OrderId == healthy.Id) && Stored(poisoned).Status == OrderStatus.Filled
            && _desk.Log.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("T2", StringComparison.Ordinal)));

        Assert.DoesNotContain(_desk.Store.AllFills, f => f.TradeId == "T2");
        Assert.Equal(OrderStatus.Filled, Stored(healthy).Status);
        Assert.Contains(_desk.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("one at a time", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _releaseFirstWrite.TrySetResult();
        _stop.Cancel();
        _listening.GetAwaiter().GetResult();
        _changes.Dispose();
        _stop.Dispose();
    }

    private async Task<Order> PlaceAsync(OrderRequest request) => (await _desk.Manager.SubmitAsync(request, _stop.Token)).Orders.Single();

    /// <summary>Fills <paramref name="blocker"/> and waits until the listener is inside its write, holding the desk's lock.</summary>
    private async Task HoldFirstWriteAsync(Order blocker)
    {
        _holding = true;
        _desk.Broker.Fill(blocker.BrokerOrderId!, 50m, _desk.Clock.GetUtcNow());
        await _firstWriteStarted.Task.WaitAsync(_stop.Token);
    }

    private Order Stored(Order order) => _desk.Store.All.Single(o => o.Id == order.Id);

    /// <summary>Waits, change by change as the desk publishes them, until <paramref name="done"/> holds.</summary>
    private async Task UntilAsync(Func<bool> done)
    {
        while (!done())
        {
            await _changes.Reader.ReadAsync(_stop.Token);
        }
    }
}
