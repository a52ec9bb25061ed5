using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Tests.Execution;

/// <summary>
/// An acknowledgement takes along the broker's pushes that came before it (the paper broker fills a
/// market order inside PlaceAsync). The desk's queues are open but its listener is not running, so
/// the acknowledgement is the only one that can take them.
/// </summary>
public sealed class AcknowledgementPushTests
{
    private readonly DeskFixture _desk = new();
    private readonly CancellationToken _none = CancellationToken.None;

    public AcknowledgementPushTests()
    {
        _desk.Manager.OpenPushQueues();
        _desk.Broker.FillOnPlace = 99.5m;
    }

    [Fact]
    public async Task An_order_filled_before_the_brokers_answer_is_acknowledged_and_filled_in_one_write()
    {
        var order = (await _desk.Manager.SubmitAsync(DeskFixture.Buy(), _none)).Orders.Single();

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal("1000", order.BrokerOrderId);
        // The acknowledgement, the fill's status and its trade: one write.
        var write = Assert.Single(_desk.Store.Writes, w => w.Contains(order.Id));
        Assert.Equal(3, write.Count(id => id == order.Id));
        Assert.Equal(99.5m, Assert.Single(_desk.Store.AllFills).Price);
        Assert.Equal(order, _desk.Store.All.Single());
    }

    [Fact]
    public async Task When_a_push_spoils_the_acknowledgements_write_the_acknowledgement_is_stored_alone_and_the_rest_after()
    {
        _desk.Store.BeforeSave = changes => changes.SelectMany(c => c.Fills).Any(f => f.TradeId == "T1")
            ? throw new InvalidOperationException("disk says no to T1")
            : Task.CompletedTask;

        var order = (await _desk.Manager.SubmitAsync(DeskFixture.Buy(), _none)).Orders.Single();

        var stored = _desk.Store.All.Single();
        Assert.Equal("1000", stored.BrokerOrderId);
        Assert.Equal(OrderStatus.Filled, stored.Status);
        Assert.Equal(stored, order);
        Assert.Empty(_desk.Store.AllFills);
        Assert.Contains(_desk.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("one at a time", StringComparison.Ordinal));
        Assert.Contains(_desk.Log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("T1", StringComparison.Ordinal));
    }
}
