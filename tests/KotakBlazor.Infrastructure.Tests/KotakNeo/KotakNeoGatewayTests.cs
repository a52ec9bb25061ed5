using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>The gateway's own work: one publishing filter for pushes and polls, trades completed from their orders, lookups before modify and cancel.</summary>
public sealed class KotakNeoGatewayTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instrument Call = KotakTestRig.NiftyCall;
    private KotakTestRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await KotakTestRig.StartAsync(configure: o => o.RefreshOrdersAfterOrderCalls = false);
        _rig.Server.Exchange.SetLastPrice(Call.Id, 120m);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public void A_pushed_row_is_published_once_and_an_older_view_arriving_later_is_dropped()
    {
        using var updates = _rig.Gateway.OrderUpdates.Subscribe();
        var open = Row("open", OrderStatus.Open, filled: 0) with { Tag = "KB-1" };
        var part = Row("open", OrderStatus.PartiallyFilled, filled: 75);
        var done = Row("complete", OrderStatus.Filled, filled: 150);

        Assert.True(_rig.Gateway.PublishOrderUpdate(open));
        Assert.False(_rig.Gateway.PublishOrderUpdate(open));
        Assert.True(_rig.Gateway.PublishOrderUpdate(part));
        Assert.True(_rig.Gateway.PublishOrderUpdate(done));
        Assert.False(_rig.Gateway.PublishOrderUpdate(part));
        Assert.False(_rig.Gateway.PublishOrderUpdate(open));

        var published = Drain(updates);
        Assert.Equal([OrderStatus.Open, OrderStatus.PartiallyFilled, OrderStatus.Filled], published.Select(r => r.Status));
        // The sparse rows that followed kept the tag the first one carried.
        Assert.All(published, r => Assert.Equal("KB-1", r.Tag));
        Assert.True(_rig.Gateway.TryGetOrder("261204000000001", out var known));
        Assert.Equal(OrderStatus.Filled, known.Status);
    }

    [Fact]
    public void A_trade_is_published_once_whoever_reports_it()
    {
        using var trades = _rig.Gateway.Trades.Subscribe();
        var trade = new BrokerTrade("T1", "261204000000001", "KB-1", Call.Id, Call.TradingSymbol, OrderSide.Buy, ProductType.Nrml, 75, 120m, DateTimeOffset.UnixEpoch);

        Assert.True(_rig.Gateway.PublishTrade(trade));
        Assert.False(_rig.Gateway.PublishTrade(trade));
        Assert.Single(Drain(trades));
    }

    [Fact]
    public async Task A_refresh_publishes_the_states_a_poll_skipped_from_the_order_history_in_order()
    {
        using var updates = _rig.Gateway.OrderUpdates.Subscribe();
        using var trades = _rig.Gateway.Trades.Subscribe();
        var id = Ok(await _rig.Gateway.PlaceAsync(Buy("skip-1", OrderType.Market), None));

        Assert.Equal(2, Ok(await _rig.Gateway.RefreshOrdersAsync(None)));

        var rows = Drain(updates);
        Assert.Equal([("put order req received", OrderStatus.Open), ("complete", OrderStatus.Filled)], rows.Select(r => (r.BrokerStatus, r.Status)));
        Assert.All(rows, r => Assert.Equal((id, "skip-1"), (r.BrokerOrderId, r.Tag)));
        var trade = Assert.Single(Drain(trades));
        Assert.Equal((id, "skip-1", Call.Id, 75, 120m), (trade.BrokerOrderId, trade.Tag, trade.Instrument, trade.Quantity, trade.Price));
        Assert.Equal(1, _rig.Server.Count("/quick/order/history"));

        // Nothing new: nothing published, no history read.
        Assert.Equal(0, Ok(await _rig.Gateway.RefreshOrdersAsync(None)));
        Assert.Equal(1, _rig.Server.Count("/quick/order/history"));
    }

    [Fact]
    public async Task A_refresh_does_not_republish_what_the_order_feed_already_pushed()
    {
        var id = Ok(await _rig.Gateway.PlaceAsync(Buy("pushed", OrderType.Market), None));
        var book = Ok(await _rig.Gateway.GetOrderBookAsync(None));
        using var updates = _rig.Gateway.OrderUpdates.Subscribe();
        Assert.True(_rig.Gateway.PublishOrderUpdate(Assert.Single(book)));

        Assert.Equal(0, Ok(await _rig.Gateway.RefreshOrdersAsync(None)));

        Assert.Equal([id], Drain(updates).Select(r => r.BrokerOrderId));
    }

    [Fact]
    public async Task A_pushed_order_with_new_fills_brings_its_trades_at_once_and_one_without_reads_nothing()
    {
        var id = Ok(await _rig.Gateway.PlaceAsync(Buy("push-fill", OrderType.Market), None));
        var complete = Assert.Single(Ok(await _rig.Gateway.GetOrderBookAsync(None)));
        var open = complete with { Status = OrderStatus.Open, BrokerStatus = "open", FilledQuantity = 0, AveragePrice = 0m };
        using var trades = _rig.Gateway.Trades.Subscribe();

        Assert.True(await _rig.Gateway.PublishPushedOrderAsync(open, None));
        Assert.Equal(0, _rig.Server.Count("/quick/user/trades"));
        Assert.True(await _rig.Gateway.PublishPushedOrderAsync(complete, None));
        Assert.False(await _rig.Gateway.PublishPushedOrderAsync(complete, None));

        var trade = Assert.Single(Drain(trades));
        Assert.Equal((id, "push-fill", 75, 120m), (trade.BrokerOrderId, trade.Tag, trade.Quantity, trade.Price));
        Assert.Equal(1, _rig.Server.Count("/quick/user/trades"));
    }

    [Fact]
    public async Task Trades_without_a_token_or_tag_are_completed_from_their_orders()
    {
        _rig.Server.TradeRowsCarryTag = false;
        var id = Ok(await _rig.Gateway.PlaceAsync(Buy("untagged", OrderType.Market), None));

        var trade = Assert.Single(Ok(await _rig.Gateway.GetTradeBookAsync(None)));

        Assert.Equal((id, "untagged", Call.Id), (trade.BrokerOrderId, trade.Tag, trade.Instrument));
        Assert.Equal(1, _rig.Server.Count("/quick/user/orders"));
    }

    [Fact]
    public async Task Modifying_or_cancelling_an_order_missing_from_the_book_sends_nothing()
    {
        var modify = Failed(await _rig.Gateway.ModifyAsync(new BrokerModifyRequest("261204999999999", 75, OrderType.Limit, 100m, 0m), None), BrokerErrorKind.NotFound);
        var cancel = Failed(await _rig.Gateway.CancelAsync("261204999999999", None), BrokerErrorKind.NotFound);

        Assert.Equal("Kotak Neo has no order 261204999999999 in today's order book.", modify.Message);
        Assert.Equal(modify.Message, cancel.Message);
        Assert.Equal((0, 0), (_rig.Server.Count("/quick/order/vr/modify"), _rig.Server.Count("/quick/order/cancel")));
    }

    [Fact]
    public async Task Modifying_a_filled_order_is_not_found_without_asking_the_broker()
    {
        var id = Ok(await _rig.Gateway.PlaceAsync(Buy("filled", OrderType.Market), None));
        Ok(await _rig.Gateway.RefreshOrdersAsync(None));

        var error = Failed(await _rig.Gateway.ModifyAsync(new BrokerModifyRequest(id, 75, OrderType.Limit, 100m, 0m), None), BrokerErrorKind.NotFound);

        Assert.Equal($"Order {id} is complete; it can no longer be modified.", error.Message);
        Assert.Equal(0, _rig.Server.Count("/quick/order/vr/modify"));
    }

    [Fact]
    public async Task After_an_order_call_the_book_is_read_in_the_background_when_enabled()
    {
        await using var rig = await KotakTestRig.StartAsync();
        rig.Server.Exchange.SetLastPrice(Call.Id, 120m);
        using var updates = rig.Gateway.OrderUpdates.Subscribe();

        var id = Ok(await rig.Gateway.PlaceAsync(Buy("background", OrderType.Limit), None));

        var rows = await UpdatesUntilAsync(updates, id, static o => o.Status == OrderStatus.Open);
        Assert.Equal("open", rows[^1].BrokerStatus);
        Assert.NotNull(rig.Gateway.LastRefreshAt);
    }

    private static BrokerOrder Row(string word, OrderStatus status, int filled) =>
        new("261204000000001", null, Call.Id, Call.TradingSymbol, OrderSide.Buy, OrderType.Limit, ProductType.Nrml, 150, filled, 118m, 0m, filled > 0 ? 118m : 0m,
            status, word, null, DateTimeOffset.UnixEpoch);

    private static BrokerOrderRequest Buy(string tag, OrderType type) =>
        new(tag, Call.Id, Call.TradingSymbol, OrderSide.Buy, 75, type, ProductType.Nrml, type == OrderType.Market ? 0m : 110m, 0m);
}
