using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>
/// What every broker gateway must do, whoever is behind it (LEAN's BrokerageTests idea): the paper
/// broker passes it, and Kotak Neo's gateway passes it against a fake server. A subclass creates the
/// gateway and moves the market; the tests only use <see cref="IBrokerGateway"/>, read answers that
/// may arrive asynchronously from <see cref="IBrokerGateway.OrderUpdates"/>, and compute expected
/// numbers from the broker's own trade book.
/// </summary>
public abstract class GatewayContractTests : IAsyncLifetime
{
    private EventStream<BrokerOrder>.Subscription? _updates;
    private int _tagNumber;

    /// <summary>The gateway under test, created before each test.</summary>
    protected IBrokerGateway Gateway { get; private set; } = null!;

    /// <summary>Every order row pushed since the test started.</summary>
    protected EventStream<BrokerOrder>.Subscription Updates => _updates!;

    /// <summary>A derivative (orders go in as NRML) with a lot size above 1, so that a quantity off the lot size exists; a few lots must fit the account.</summary>
    protected abstract Instrument TradableInstrument { get; }

    /// <summary>Where the market is when each test starts.</summary>
    protected abstract decimal StartingPrice { get; }

    /// <summary>Creates a fresh gateway with an empty day and ample funds for a few lots.</summary>
    protected abstract Task<IBrokerGateway> CreateGatewayAsync();

    /// <summary>
    /// Makes the instrument trade at <paramref name="lastPrice"/> with a narrow spread around it
    /// (a few ticks, well under 1% of the price), and returns once the gateway has seen it.
    /// </summary>
    protected abstract Task MoveMarketAsync(InstrumentId instrument, decimal lastPrice);

    /// <summary>Releases the gateway; disposes it when it is disposable.</summary>
    protected virtual async Task DisposeGatewayAsync(IBrokerGateway gateway)
    {
        if (gateway is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Gateway = await CreateGatewayAsync();
        _updates = Gateway.OrderUpdates.Subscribe();
        await MoveMarketAsync(TradableInstrument.Id, StartingPrice);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _updates?.Dispose();
        await DisposeGatewayAsync(Gateway);
    }

    [Fact]
    public async Task A_market_buy_is_acknowledged_with_an_order_number_and_fills()
    {
        var id = Ok(await PlaceAsync(MarketOrder(OrderSide.Buy, Lot)));

        Assert.False(string.IsNullOrWhiteSpace(id));
        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Filled);
        var row = await RowAsync(Gateway, id);
        Assert.Equal(OrderStatus.Filled, row.Status);
        Assert.Equal(Lot, row.FilledQuantity);
        Assert.True(row.AveragePrice > 0m);
        var trades = Ok(await Gateway.GetTradeBookAsync(CancellationToken.None)).Where(t => t.BrokerOrderId == id).ToList();
        Assert.Equal(Lot, trades.Sum(t => t.Quantity));
        Assert.All(trades, t => Assert.Equal(OrderSide.Buy, t.Side));
    }

    [Fact]
    public async Task The_tag_is_echoed_in_the_order_book_and_on_its_trades()
    {
        var request = MarketOrder(OrderSide.Buy, Lot);
        var id = Ok(await PlaceAsync(request));
        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Filled);

        Assert.Equal(request.Tag, (await RowAsync(Gateway, id)).Tag);
        var trades = Ok(await Gateway.GetTradeBookAsync(CancellationToken.None));
        Assert.All(trades.Where(t => t.BrokerOrderId == id), t => Assert.Equal(request.Tag, t.Tag));
    }

    [Fact]
    public async Task A_limit_order_away_from_the_market_stays_open_then_fills_when_the_market_crosses()
    {
        var limit = PriceAt(0.95m);
        var id = Ok(await PlaceAsync(LimitOrder(OrderSide.Buy, Lot, limit)));
        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Open);
        var open = await RowAsync(Gateway, id);
        Assert.Equal((OrderStatus.Open, 0, limit), (open.Status, open.FilledQuantity, open.Price));

        await MoveMarketAsync(TradableInstrument.Id, PriceAt(0.94m));

        var filled = (await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Filled))[^1];
        Assert.Equal(Lot, filled.FilledQuantity);
        Assert.InRange(filled.AveragePrice, PriceAt(0.90m), limit);
    }

    [Fact]
    public async Task Cancelling_an_open_order_cancels_it()
    {
        var id = Ok(await PlaceAsync(LimitOrder(OrderSide.Buy, Lot, PriceAt(0.95m))));
        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Open);

        Assert.Equal(id, Ok(await Gateway.CancelAsync(id, CancellationToken.None)));

        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Cancelled);
        var row = await RowAsync(Gateway, id);
        Assert.Equal((OrderStatus.Cancelled, 0), (row.Status, row.FilledQuantity));
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_not_found()
    {
        Failed(await Gateway.CancelAsync("999999999999999", CancellationToken.None), BrokerErrorKind.NotFound);
    }

    [Fact]
    public async Task Cancelling_a_filled_order_is_not_found_and_leaves_it_filled()
    {
        var id = Ok(await PlaceAsync(MarketOrder(OrderSide.Buy, Lot)));
        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Filled);

        Failed(await Gateway.CancelAsync(id, CancellationToken.None), BrokerErrorKind.NotFound);
        Assert.Equal(OrderStatus.Filled, (await RowAsync(Gateway, id)).Status);
    }

    [Fact]
    public async Task Modify_changes_the_price_of_a_working_order()
    {
        var id = Ok(await PlaceAsync(LimitOrder(OrderSide.Buy, Lot, PriceAt(0.95m))));
        await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Open);
        var newPrice = PriceAt(0.93m);

        Ok(await Gateway.ModifyAsync(new BrokerModifyRequest(id, Lot, OrderType.Limit, newPrice, 0m), CancellationToken.None));

        await UpdatesUntilAsync(Updates, id, o => o.Price == newPrice);
        var row = await RowAsync(Gateway, id);
        Assert.Equal((OrderStatus.Open, newPrice, Lot), (row.Status, row.Price, row.Quantity));
    }

    [Fact]
    public async Task Modifying_an_unknown_order_is_not_found()
    {
        var request = new BrokerModifyRequest("999999999999999", Lot, OrderType.Limit, PriceAt(0.95m), 0m);
        Failed(await Gateway.ModifyAsync(request, CancellationToken.None), BrokerErrorKind.NotFound);
    }

    [Fact]
    public async Task A_quantity_that_is_not_a_lot_multiple_is_refused_with_a_reason_naming_the_lot_size()
    {
        var result = await PlaceAsync(MarketOrder(OrderSide.Buy, Lot + 1));

        var reason = await RefusalReasonAsync(result);
        Assert.Contains(Lot.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Ok(await Gateway.GetTradeBookAsync(CancellationToken.None)), t => t.Instrument == TradableInstrument.Id);
    }

    [Fact]
    public async Task Order_updates_arrive_in_lifecycle_order_open_before_filled()
    {
        var id = Ok(await PlaceAsync(MarketOrder(OrderSide.Buy, Lot)));

        var rows = await UpdatesUntilAsync(Updates, id, static o => OrderLifecycle.IsFinal(o.Status));

        Assert.Equal(OrderStatus.Open, rows[0].Status);
        Assert.Equal(OrderStatus.Filled, rows[^1].Status);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(OrderLifecycle.CanMove(rows[i - 1].Status, rows[i].Status), $"{rows[i - 1].Status} -> {rows[i].Status}");
            Assert.True(rows[i].FilledQuantity >= rows[i - 1].FilledQuantity);
        }
    }

    [Fact]
    public async Task Positions_after_a_buy_and_a_sell_follow_the_broker_formula()
    {
        var buy = Ok(await PlaceAsync(MarketOrder(OrderSide.Buy, 2 * Lot)));
        await UpdatesUntilAsync(Updates, buy, static o => o.Status == OrderStatus.Filled);
        var higher = PriceAt(1.05m);
        await MoveMarketAsync(TradableInstrument.Id, higher);
        var sell = Ok(await PlaceAsync(MarketOrder(OrderSide.Sell, Lot)));
        await UpdatesUntilAsync(Updates, sell, static o => o.Status == OrderStatus.Filled);

        var trades = Ok(await Gateway.GetTradeBookAsync(CancellationToken.None)).Where(t => t.Instrument == TradableInstrument.Id).ToList();
        var bought = trades.Where(t => t.Side == OrderSide.Buy).Sum(t => t.Quantity * t.Price);
        var sold = trades.Where(t => t.Side == OrderSide.Sell).Sum(t => t.Quantity * t.Price);
        var position = Assert.Single(Ok(await Gateway.GetPositionsAsync(CancellationToken.None)), p => p.Instrument == TradableInstrument.Id);
        Assert.Equal((2 * Lot, Lot, Lot), (position.BuyQuantity, position.SellQuantity, position.NetQuantity));
        Assert.Equal(bought, position.BuyAmount);
        Assert.Equal(sold, position.SellAmount);
        Assert.Equal(sold - bought + (Lot * higher * position.Multiplier), position.ProfitAndLoss(higher));

        // Bought near the start, marked and partly sold 5% higher: a profit whatever the spread.
        Assert.True(position.ProfitAndLoss(higher) > 0m);
    }

    [Fact]
    public async Task Trade_ids_are_unique_and_belong_to_orders_in_the_book()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = Ok(await PlaceAsync(MarketOrder(i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, Lot)));
            await UpdatesUntilAsync(Updates, id, static o => o.Status == OrderStatus.Filled);
            ids.Add(id);
        }

        var trades = Ok(await Gateway.GetTradeBookAsync(CancellationToken.None));
        Assert.True(trades.Count >= 3);
        Assert.Equal(trades.Count, trades.Select(t => t.TradeId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(trades, t => Assert.Contains(t.BrokerOrderId, ids));
        Assert.Equal(3, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The instrument's lot size.</summary>
    protected int Lot => TradableInstrument.LotSize;

    /// <summary>A price at <paramref name="fraction"/> of the starting price, on the tick grid.</summary>
    protected decimal PriceAt(decimal fraction) => TradableInstrument.RoundToTick(StartingPrice * fraction);

    /// <summary>A market order with a fresh tag.</summary>
    protected BrokerOrderRequest MarketOrder(OrderSide side, int quantity) =>
        new(NextTag(), TradableInstrument.Id, TradableInstrument.TradingSymbol, side, quantity, OrderType.Market, ProductType.Nrml, 0m, 0m);

    /// <summary>A limit order with a fresh tag.</summary>
    protected BrokerOrderRequest LimitOrder(OrderSide side, int quantity, decimal price) =>
        new(NextTag(), TradableInstrument.Id, TradableInstrument.TradingSymbol, side, quantity, OrderType.Limit, ProductType.Nrml, price, 0m);

    /// <summary>Places an order.</summary>
    protected Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request) => Gateway.PlaceAsync(request, CancellationToken.None);

    /// <summary>
    /// The reason an order was refused, whichever way the broker said no: at once (a Refused error)
    /// or by accepting it and then rejecting it (an order-book row Rejected with its reason).
    /// </summary>
    protected async Task<string> RefusalReasonAsync(BrokerResult<string> result)
    {
        if (!result.IsSuccess)
        {
            Assert.Equal(BrokerErrorKind.Refused, result.Error!.Kind);
            return result.Error.Message;
        }

        var rejected = (await UpdatesUntilAsync(Updates, result.Value!, static o => OrderLifecycle.IsFinal(o.Status)))[^1];
        Assert.Equal(OrderStatus.Rejected, rejected.Status);
        Assert.False(string.IsNullOrWhiteSpace(rejected.RejectReason));
        return rejected.RejectReason!;
    }

    private string NextTag() => $"contract-{++_tagNumber}";
}
