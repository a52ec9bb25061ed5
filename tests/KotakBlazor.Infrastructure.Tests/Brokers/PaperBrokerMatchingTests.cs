using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;
using static KotakBlazor.Infrastructure.Tests.Brokers.PaperMarket;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>How the paper broker matches orders against ticks: touch prices, limits, parts, stops, IOC.</summary>
public sealed class PaperBrokerMatchingTests
{
    private readonly PaperMarket _market = new();

    [Fact]
    public async Task Market_orders_trade_at_the_ask_and_the_bid_of_the_tick()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m, bid: 99.90m, ask: 100.20m));

        var buy = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "b"), CancellationToken.None));
        var sell = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Sell, 65, "s"), CancellationToken.None));

        Assert.Equal((OrderStatus.Filled, "complete", 100.20m), Summary(await RowAsync(broker, buy)));
        Assert.Equal((OrderStatus.Filled, "complete", 99.90m), Summary(await RowAsync(broker, sell)));
    }

    [Fact]
    public async Task Without_bid_and_ask_market_orders_trade_the_configured_half_spread_away_from_the_ltp()
    {
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { SpreadTicks = 3 });
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        var buy = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "b"), CancellationToken.None));
        var sell = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Sell, 65, "s"), CancellationToken.None));

        Assert.Equal(100.15m, (await RowAsync(broker, buy)).AveragePrice);
        Assert.Equal(99.85m, (await RowAsync(broker, sell)).AveragePrice);
    }

    [Fact]
    public async Task A_market_order_before_any_tick_stays_open_until_the_first_tick_and_ignores_a_tick_without_price()
    {
        await using var broker = _market.CreateBroker();

        var id = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "early"), CancellationToken.None));
        var waiting = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 0m, bid: 99m, ask: 101m));
        var afterBadTick = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        Assert.Equal((OrderStatus.Open, "open", 0m), Summary(waiting));
        Assert.Equal(OrderStatus.Open, afterBadTick.Status);
        Assert.Equal((OrderStatus.Filled, "complete", 100.05m), Summary(await RowAsync(broker, id)));
    }

    [Fact]
    public async Task A_marketable_limit_trades_at_the_touch_when_it_is_better_than_the_limit()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m, bid: 99.90m, ask: 100.10m));

        var buy = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 105m, "b"), CancellationToken.None));
        var sell = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Sell, 65, 95m, "s"), CancellationToken.None));

        Assert.Equal(100.10m, (await RowAsync(broker, buy)).AveragePrice);
        Assert.Equal(99.90m, (await RowAsync(broker, sell)).AveragePrice);
    }

    [Fact]
    public async Task A_limit_sell_waits_until_the_bid_reaches_its_price()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        var id = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Sell, 65, 105m, "s"), CancellationToken.None));

        broker.OnTick(_market.Tick(NiftyCall, 105m)); // bid 104.95: one tick short
        var stillOpen = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 105.05m));

        Assert.Equal(OrderStatus.Open, stillOpen.Status);
        Assert.Equal((OrderStatus.Filled, "complete", 105.00m), Summary(await RowAsync(broker, id)));
    }

    [Fact]
    public async Task A_big_order_fills_one_part_per_tick_in_whole_lots()
    {
        // 150 units per tick rounds down to two lots of 65.
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { PartialFillQuantity = 150 });
        using var updates = broker.OrderUpdates.Subscribe();
        var id = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 390, "big"), CancellationToken.None));

        broker.OnTick(_market.Tick(NiftyCall, 100m));
        broker.OnTick(_market.Tick(NiftyCall, 101m));
        broker.OnTick(_market.Tick(NiftyCall, 102m));

        var rows = Drain(updates);
        Assert.Equal(
            [(OrderStatus.Open, 0), (OrderStatus.PartiallyFilled, 130), (OrderStatus.PartiallyFilled, 260), (OrderStatus.Filled, 390)],
            rows.Select(r => (r.Status, r.FilledQuantity)));
        var trades = Ok(await broker.GetTradeBookAsync(CancellationToken.None));
        Assert.Equal([(130, 100.05m), (130, 101.05m), (130, 102.05m)], trades.Select(t => (t.Quantity, t.Price)));
        Assert.Equal(101.05m, rows[^1].AveragePrice);
    }

    [Fact]
    public async Task A_stop_loss_market_buy_waits_for_its_trigger_then_trades_at_the_market()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        using var updates = broker.OrderUpdates.Subscribe();

        var id = Ok(await broker.PlaceAsync(Stop(NiftyCall, OrderSide.Buy, 65, 110m, 0m, "slm"), CancellationToken.None));
        broker.OnTick(_market.Tick(NiftyCall, 109.95m));
        var beforeTrigger = Drain(updates);
        broker.OnTick(_market.Tick(NiftyCall, 110m));

        var placed = Assert.Single(beforeTrigger);
        Assert.Equal((OrderStatus.Open, "trigger pending", OrderType.StopLossMarket, 110m), (placed.Status, placed.BrokerStatus, placed.Type, placed.TriggerPrice));
        var afterTrigger = Drain(updates);
        Assert.Equal(["open", "complete"], afterTrigger.Select(r => r.BrokerStatus));
        Assert.Equal(110.05m, afterTrigger[^1].AveragePrice);
        Assert.Equal(id, afterTrigger[^1].BrokerOrderId);
    }

    [Fact]
    public async Task A_stop_loss_sell_triggered_by_a_gap_works_as_a_limit_and_waits_for_its_price()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        var id = Ok(await broker.PlaceAsync(Stop(NiftyCall, OrderSide.Sell, 65, 95m, 94m, "sl"), CancellationToken.None));

        broker.OnTick(_market.Tick(NiftyCall, 96m));
        var armed = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 93m)); // gap through the trigger: bid 92.95 is below the limit
        var triggered = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 94.50m));

        Assert.Equal("trigger pending", armed.BrokerStatus);
        Assert.Equal((OrderStatus.Open, "open", 0m), Summary(triggered));
        Assert.Equal((OrderStatus.Filled, "complete", 94.45m), Summary(await RowAsync(broker, id)));
    }

    [Fact]
    public async Task An_ioc_order_cancels_whatever_does_not_trade_on_its_first_tick()
    {
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { PartialFillQuantity = 65 });
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        var part = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 130, "ioc-part", validity: OrderValidity.Ioc), CancellationToken.None));
        var away = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 90m, "ioc-away", validity: OrderValidity.Ioc), CancellationToken.None));

        var partRow = await RowAsync(broker, part);
        Assert.Equal((OrderStatus.Cancelled, "cancelled", 65), (partRow.Status, partRow.BrokerStatus, partRow.FilledQuantity));
        Assert.Equal("IOC: quantity not traded at once is cancelled", partRow.RejectReason);
        var awayRow = await RowAsync(broker, away);
        Assert.Equal((OrderStatus.Cancelled, 0), (awayRow.Status, awayRow.FilledQuantity));
        Assert.Equal(65, Assert.Single(Ok(await broker.GetTradeBookAsync(CancellationToken.None))).Quantity);
    }

    [Fact]
    public async Task An_ioc_order_placed_before_any_tick_waits_for_the_first_one()
    {
        await using var broker = _market.CreateBroker();

        var id = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 110m, "ioc", validity: OrderValidity.Ioc), CancellationToken.None));
        var waiting = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        Assert.Equal(OrderStatus.Open, waiting.Status);
        Assert.Equal((OrderStatus.Filled, "complete", 100.05m), Summary(await RowAsync(broker, id)));
    }

    [Fact]
    public async Task A_modify_that_makes_a_limit_marketable_trades_at_once()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        var id = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 90m, "chase"), CancellationToken.None));

        Ok(await broker.ModifyAsync(new BrokerModifyRequest(id, 65, OrderType.Limit, 101m, 0m), CancellationToken.None));

        var row = await RowAsync(broker, id);
        Assert.Equal((OrderStatus.Filled, "complete", 100.05m), Summary(row));
        Assert.Equal(101m, row.Price);
    }

    [Fact]
    public async Task Modify_refuses_a_quantity_not_above_what_already_traded_and_leaves_the_order_alone()
    {
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { PartialFillQuantity = 65 });
        var id = Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 195, "cut"), CancellationToken.None));
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        var refused = Failed(await broker.ModifyAsync(new BrokerModifyRequest(id, 65, OrderType.Market, 0m, 0m), CancellationToken.None), BrokerErrorKind.Refused);
        var offLot = Failed(await broker.ModifyAsync(new BrokerModifyRequest(id, 100, OrderType.Market, 0m, 0m), CancellationToken.None), BrokerErrorKind.Refused);
        var unchanged = await RowAsync(broker, id);
        Ok(await broker.ModifyAsync(new BrokerModifyRequest(id, 130, OrderType.Market, 0m, 0m), CancellationToken.None));
        broker.OnTick(_market.Tick(NiftyCall, 101m));

        Assert.Equal("Quantity 65 must be above the 65 already traded.", refused.Message);
        Assert.Equal("Quantity 100 is not a multiple of the lot size 65.", offLot.Message);
        Assert.Equal((OrderStatus.PartiallyFilled, 195, 65), (unchanged.Status, unchanged.Quantity, unchanged.FilledQuantity));
        var done = await RowAsync(broker, id);
        Assert.Equal((OrderStatus.Filled, 130, 130), (done.Status, done.Quantity, done.FilledQuantity));
        Failed(await broker.ModifyAsync(new BrokerModifyRequest(id, 195, OrderType.Market, 0m, 0m), CancellationToken.None), BrokerErrorKind.NotFound);
    }

    [Fact]
    public async Task Moving_a_stop_trigger_rearms_it()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        var id = Ok(await broker.PlaceAsync(Stop(NiftyCall, OrderSide.Buy, 65, 105m, 106m, "move"), CancellationToken.None));
        broker.OnTick(_market.Tick(NiftyCall, 107m)); // triggered, but ask 107.05 is above the limit
        var triggered = await RowAsync(broker, id);

        Ok(await broker.ModifyAsync(new BrokerModifyRequest(id, 65, OrderType.StopLoss, 112m, 110m), CancellationToken.None));
        var rearmed = await RowAsync(broker, id);
        broker.OnTick(_market.Tick(NiftyCall, 110m));

        Assert.Equal("open", triggered.BrokerStatus);
        Assert.Equal("trigger pending", rearmed.BrokerStatus);
        Assert.Equal((OrderStatus.Filled, "complete", 110.05m), Summary(await RowAsync(broker, id)));
    }

    private static (OrderStatus Status, string Word, decimal AveragePrice) Summary(BrokerOrder row) => (row.Status, row.BrokerStatus, row.AveragePrice);
}
