using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;
using static KotakBlazor.Infrastructure.Tests.Brokers.PaperMarket;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>The paper account: funds, the margin model, positions and their P&amp;L, holdings, manual trades.</summary>
public sealed class PaperBrokerAccountTests
{
    private readonly PaperMarket _market = new();

    [Fact]
    public async Task Funds_start_at_the_configured_capital()
    {
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { Capital = 500_000m });

        Assert.Equal(new BrokerFunds(500_000m, 0m, 0m), Ok(await broker.GetFundsAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task An_option_buy_blocks_its_premium_and_a_working_order_blocks_its_limit_value()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));

        Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "filled"), CancellationToken.None));
        var afterFill = Ok(await broker.GetFundsAsync(CancellationToken.None));
        Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 90m, "working"), CancellationToken.None));

        // 65 x 100.05 = 6,503.25 for the position; 65 x 90 = 5,850 for the working order.
        Assert.Equal(new BrokerFunds(993_496.75m, 6_503.25m, 0m), afterFill);
        Assert.Equal(new BrokerFunds(987_646.75m, 12_353.25m, 0m), Ok(await broker.GetFundsAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_round_trip_books_the_realized_pnl_and_frees_the_margin()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "in"), CancellationToken.None));
        broker.OnTick(_market.Tick(NiftyCall, 110m));
        Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Sell, 65, "out"), CancellationToken.None));

        // Bought at 100.05, sold at 109.95: 65 x 9.90 = 643.50.
        Assert.Equal(new BrokerFunds(1_000_643.50m, 0m, 0m), Ok(await broker.GetFundsAsync(CancellationToken.None)));
        var position = Assert.Single(Ok(await broker.GetPositionsAsync(CancellationToken.None)));
        Assert.Equal((65, 65, 6_503.25m, 7_146.75m), (position.BuyQuantity, position.SellQuantity, position.BuyAmount, position.SellAmount));
        Assert.Equal(643.50m, position.ProfitAndLoss(130m));
    }

    [Fact]
    public async Task Positions_keep_products_apart_and_follow_the_kotak_pnl_formula()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        broker.OnTick(_market.Tick(Reliance, 1500m, bid: 1499.95m, ask: 1500.05m));
        Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 130, "b"), CancellationToken.None));
        Ok(await broker.PlaceAsync(Market(Reliance, OrderSide.Buy, 10, "cnc", ProductType.Cnc), CancellationToken.None));
        Ok(await broker.PlaceAsync(Market(Reliance, OrderSide.Sell, 4, "mis", ProductType.Mis), CancellationToken.None));
        broker.OnTick(_market.Tick(NiftyCall, 110m));
        Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Sell, 65, "s"), CancellationToken.None));

        var positions = Ok(await broker.GetPositionsAsync(CancellationToken.None));

        Assert.Equal(
            [(NiftyCall.Id, ProductType.Nrml, 65), (Reliance.Id, ProductType.Cnc, 10), (Reliance.Id, ProductType.Mis, -4)],
            positions.Select(p => (p.Instrument, p.Product, p.NetQuantity)));

        // 7,146.75 sold - 13,006.50 bought + 65 x 120 = 1,940.25.
        var option = positions[0];
        Assert.Equal((13_006.50m, 7_146.75m), (option.BuyAmount, option.SellAmount));
        Assert.Equal(1_940.25m, option.ProfitAndLoss(120m));

        // Short 4 at 1,499.95, marked at 1,490: 5,999.80 - 5,960 = 39.80.
        Assert.Equal(39.80m, positions[2].ProfitAndLoss(1490m));
    }

    [Fact]
    public async Task Check_margin_follows_the_model_for_each_kind_of_contract()
    {
        await using var broker = _market.CreateBroker();

        var future = Ok(await broker.CheckMarginAsync(Limit(NiftyFuture, OrderSide.Sell, 65, 26_100m, "f"), CancellationToken.None));
        var delivery = Ok(await broker.CheckMarginAsync(Limit(Reliance, OrderSide.Buy, 10, 1500m, "c", ProductType.Cnc), CancellationToken.None));
        var intraday = Ok(await broker.CheckMarginAsync(Limit(Reliance, OrderSide.Buy, 10, 1500m, "m", ProductType.Mis), CancellationToken.None));
        var optionSell = Ok(await broker.CheckMarginAsync(Limit(NiftyCall, OrderSide.Sell, 65, 150m, "o"), CancellationToken.None));

        Assert.Equal(new MarginEstimate(203_580m, 1_000_000m, "future: 12% of 26,100.00 x 65 = 203,580.00"), future);
        Assert.Equal(new MarginEstimate(15_000m, 1_000_000m, "delivery buy: 1,500.00 x 10 = 15,000.00"), delivery);
        Assert.Equal(new MarginEstimate(3_000m, 1_000_000m, "intraday equity: 20% of 1,500.00 x 10 = 3,000.00"), intraday);

        // NIFTY has not ticked yet: the strike stands in for the spot.
        Assert.Equal(new MarginEstimate(253_500m, 1_000_000m, "option sell: 15% of strike 26,000.00 x 65 = 253,500.00"), optionSell);
        Failed(await broker.CheckMarginAsync(Market(Nifty, OrderSide.Buy, 1, "i"), CancellationToken.None), BrokerErrorKind.Refused);
    }

    [Fact]
    public async Task A_sell_that_closes_a_long_needs_no_margin_and_only_the_excess_is_charged()
    {
        await using var broker = _market.CreateBroker();
        broker.OnTick(_market.Tick(Nifty, 25_000m));
        broker.OnTick(_market.Tick(NiftyCall, 100m));
        Ok(await broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "long"), CancellationToken.None));

        var closing = Ok(await broker.CheckMarginAsync(Market(NiftyCall, OrderSide.Sell, 65, "close"), CancellationToken.None));
        var flipping = Ok(await broker.CheckMarginAsync(Market(NiftyCall, OrderSide.Sell, 130, "flip"), CancellationToken.None));

        Assert.Equal(0m, closing.Required);
        Assert.Equal("closes an open position: no margin", closing.Explanation);

        // 15% of NIFTY 25,000 x the 65 units beyond the long.
        Assert.Equal(243_750m, flipping.Required);
    }

    [Fact]
    public async Task Modify_refuses_a_quantity_increase_the_funds_cannot_carry()
    {
        await using var broker = _market.CreateBroker(new PaperBrokerOptions { Capital = 10_000m });
        broker.OnTick(_market.Tick(NiftyCall, 110m));
        var id = Ok(await broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 100m, "grow"), CancellationToken.None));

        var error = Failed(await broker.ModifyAsync(new BrokerModifyRequest(id, 130, OrderType.Limit, 100m, 0m), CancellationToken.None), BrokerErrorKind.Refused);

        Assert.Equal("RMS: margin exceeds, required 13,000.00, available 10,000.00 (option buy: premium 100.00 x 130 = 13,000.00).", error.Message);
        Assert.Equal(65, (await RowAsync(broker, id)).Quantity);
    }

    [Fact]
    public async Task Seeded_holdings_are_listed_and_todays_delivery_buys_stay_positions()
    {
        var options = new PaperBrokerOptions { Holdings = [new PaperHolding { Symbol = "reliance-eq", Quantity = 50, AveragePrice = 1400m }] };
        await using var broker = _market.CreateBroker(options);
        var beforeTick = Assert.Single(Ok(await broker.GetHoldingsAsync(CancellationToken.None)));
        broker.OnTick(_market.Tick(Reliance, 1520m, previousClose: 1510.40m));
        Ok(await broker.PlaceAsync(Market(Reliance, OrderSide.Buy, 5, "dlv", ProductType.Cnc), CancellationToken.None));

        Assert.Equal(new BrokerHolding(Reliance.Id, "RELIANCE-EQ", 50, 1400m, 1400m), beforeTick);
        Assert.Equal(new BrokerHolding(Reliance.Id, "RELIANCE-EQ", 50, 1400m, 1510.40m), Assert.Single(Ok(await broker.GetHoldingsAsync(CancellationToken.None))));
        Assert.Equal(5, Assert.Single(Ok(await broker.GetPositionsAsync(CancellationToken.None))).NetQuantity);
    }

    [Fact]
    public void A_seeded_holding_the_catalog_does_not_know_stops_the_broker_from_starting()
    {
        var options = new PaperBrokerOptions { Holdings = [new PaperHolding { Symbol = "NOSUCH-EQ", Quantity = 1, AveragePrice = 10m }] };

        var error = Assert.Throws<InvalidOperationException>(() => _market.CreateBroker(options));

        Assert.Contains("NOSUCH-EQ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_trade_shows_everywhere_without_our_tag()
    {
        await using var broker = _market.CreateBroker();
        using var updates = broker.OrderUpdates.Subscribe();
        using var trades = broker.Trades.Subscribe();

        var id = broker.InjectManualTrade(NiftyCall.Id, OrderSide.Sell, 65, 101.50m, ProductType.Nrml);

        Assert.Equal([(OrderStatus.Open, 0), (OrderStatus.Filled, 65)], Drain(updates).Select(r => (r.Status, r.FilledQuantity)));
        var row = await RowAsync(broker, id);
        Assert.Equal((null, "complete", 101.50m), (row.Tag, row.BrokerStatus, row.AveragePrice));
        var trade = Assert.Single(Drain(trades));
        Assert.Equal((id, (string?)null, 65, 101.50m), (trade.BrokerOrderId, trade.Tag, trade.Quantity, trade.Price));
        Assert.Equal(trade, Assert.Single(Ok(await broker.GetTradeBookAsync(CancellationToken.None))));
        var position = Assert.Single(Ok(await broker.GetPositionsAsync(CancellationToken.None)));
        Assert.Equal((-65, 6_597.50m), (position.NetQuantity, position.SellAmount));
    }
}
