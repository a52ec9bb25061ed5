using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;
using static KotakBlazor.Infrastructure.Tests.Brokers.PaperMarket;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>What the paper broker refuses at once, and what it accepts and then rejects with a reason, as Kotak does.</summary>
public sealed class PaperBrokerRulesTests : IAsyncLifetime
{
    private readonly PaperMarket _market;
    private readonly PaperBroker _broker;

    public PaperBrokerRulesTests()
    {
        _market = new PaperMarket();
        _broker = _market.CreateBroker();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Malformed_requests_are_refused_at_once_without_an_order_number()
    {
        var unknown = Market(NiftyCall, OrderSide.Buy, 65, "t1") with { Instrument = new(NiftyCall.Id.Segment, 999) };
        var cases = new (BrokerOrderRequest Request, string Reason)[]
        {
            (Market(NiftyCall, OrderSide.Buy, 0, "t0"), "Quantity 0 is invalid"),
            (unknown, "Unknown instrument nse_fo|999"),
            (Market(Nifty, OrderSide.Buy, 1, "t2", ProductType.Mis), "Nifty 50 is an index"),
            (Limit(NiftyCall, OrderSide.Buy, 65, 0m, "t3"), "needs a price above 0"),
            (Stop(NiftyCall, OrderSide.Buy, 65, 0m, 0m, "t4"), "needs a trigger price above 0"),
            (Market(NiftyCall, OrderSide.Buy, 65, "t5") with { TradingSymbol = "NIFTY26DEC26100CE" }, "does not match"),
        };

        foreach (var (request, reason) in cases)
        {
            var error = Failed(await _broker.PlaceAsync(request, CancellationToken.None), BrokerErrorKind.Refused);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Ok(await _broker.GetOrderBookAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_tag_used_before_is_refused_and_the_first_order_is_untouched()
    {
        _broker.OnTick(_market.Tick(NiftyCall, 120m));
        var first = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 110m, "same"), CancellationToken.None));

        var error = Failed(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 111m, "same"), CancellationToken.None), BrokerErrorKind.Refused);

        Assert.Equal("Tag same is not unique: an order with it was already placed today.", error.Message);
        var row = Assert.Single(Ok(await _broker.GetOrderBookAsync(CancellationToken.None)));
        Assert.Equal((first, "same", 110m, OrderStatus.Open), (row.BrokerOrderId, row.Tag, row.Price, row.Status));
    }

    [Fact]
    public async Task A_quantity_off_the_lot_size_is_accepted_then_rejected_with_kotaks_words()
    {
        using var updates = _broker.OrderUpdates.Subscribe();

        var id = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 100, "odd"), CancellationToken.None));

        var row = Assert.Single(Drain(updates));
        Assert.Equal((id, "odd", OrderStatus.Rejected, "rejected"), (row.BrokerOrderId, row.Tag, row.Status, row.BrokerStatus));
        Assert.Equal("Quantity 100 is not a multiple of the lot size 65.", row.RejectReason);
        Assert.Equal(row, await RowAsync(_broker, id));
    }

    [Fact]
    public async Task A_quantity_above_the_freeze_quantity_is_rejected()
    {
        var id = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 1_820, "big"), CancellationToken.None));

        var row = await RowAsync(_broker, id);
        Assert.Equal(OrderStatus.Rejected, row.Status);
        Assert.Equal("Quantity 1820 is above the freeze quantity 1800: split the order.", row.RejectReason);
    }

    [Fact]
    public async Task Prices_outside_the_band_around_the_previous_close_are_rejected()
    {
        _broker.OnTick(_market.Tick(NiftyCall, 105m, previousClose: 100m));

        var atTop = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 80m, "floor"), CancellationToken.None));
        var above = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Sell, 65, 120.05m, "above"), CancellationToken.None));
        var below = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 79.95m, "below"), CancellationToken.None));

        Assert.Equal(OrderStatus.Open, (await RowAsync(_broker, atTop)).Status);
        Assert.Equal("Price 120.05 is outside the circuit band 80.00 - 120.00.", (await RowAsync(_broker, above)).RejectReason);
        Assert.Equal("Price 79.95 is outside the circuit band 80.00 - 120.00.", (await RowAsync(_broker, below)).RejectReason);
    }

    [Fact]
    public async Task Without_a_previous_close_the_band_is_centred_on_the_first_price_seen()
    {
        _broker.OnTick(_market.Tick(NiftyCall, 200m));
        _broker.OnTick(_market.Tick(NiftyCall, 230m));

        var inside = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Sell, 65, 240m, "in"), CancellationToken.None));
        var outside = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Sell, 65, 245m, "out"), CancellationToken.None));

        Assert.Equal(OrderStatus.Open, (await RowAsync(_broker, inside)).Status);
        Assert.Equal("Price 245 is outside the circuit band 160.00 - 240.00.", (await RowAsync(_broker, outside)).RejectReason);
    }

    [Fact]
    public async Task Selling_options_beyond_the_funds_is_rejected_by_the_margin_model()
    {
        _broker.OnTick(_market.Tick(Nifty, 26_000m));
        _broker.OnTick(_market.Tick(NiftyCall, 150m));

        // 15% of spot 26,000 x 260 units = 10,14,000 against 10,00,000 of capital.
        var tooMany = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Sell, 260, "four-lots"), CancellationToken.None));
        var fits = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Sell, 195, "three-lots"), CancellationToken.None));

        Assert.Equal(
            "RMS: margin exceeds, required 1,014,000.00, available 1,000,000.00 (option sell: 15% of NIFTY spot 26,000.00 x 260 = 1,014,000.00).",
            (await RowAsync(_broker, tooMany)).RejectReason);
        Assert.Equal(OrderStatus.Filled, (await RowAsync(_broker, fits)).Status);
        var funds = Ok(await _broker.GetFundsAsync(CancellationToken.None));
        Assert.Equal(760_500m, funds.MarginUsed);
        Assert.Equal(239_500m, funds.Net);
    }

    [Fact]
    public async Task A_day_order_after_the_close_is_rejected_as_market_closed()
    {
        _market.Clock.SetUtcNow(MondayIst(20, 0));

        var id = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "late"), CancellationToken.None));

        Assert.Equal("Market is closed: place it as an after-market order (AMO).", (await RowAsync(_broker, id)).RejectReason);
    }

    [Fact]
    public async Task An_after_market_order_between_the_close_and_the_amo_window_is_rejected()
    {
        _market.Clock.SetUtcNow(MondayIst(15, 45));

        var id = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "amo") with { AfterMarket = true }, CancellationToken.None));

        Assert.Equal("After-market orders are not accepted now: the AMO window is closed.", (await RowAsync(_broker, id)).RejectReason);
    }

    [Fact]
    public async Task An_after_market_order_waits_for_the_next_open_then_matches()
    {
        _broker.OnTick(_market.Tick(NiftyCall, 120m));
        _market.Clock.SetUtcNow(MondayIst(20, 0));
        using var updates = _broker.OrderUpdates.Subscribe();

        var id = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 125m, "amo") with { AfterMarket = true }, CancellationToken.None));
        _broker.OnTick(_market.Tick(NiftyCall, 121m));
        _market.Clock.SetUtcNow(MondayIst(9, 14).AddDays(1)); // Tuesday 09:14 IST: still closed
        _broker.OnTick(_market.Tick(NiftyCall, 121m));
        var beforeOpen = Drain(updates);
        _market.Clock.SetUtcNow(MondayIst(9, 15).AddDays(1));
        _broker.OnTick(_market.Tick(NiftyCall, 121m));

        var placed = Assert.Single(beforeOpen);
        Assert.Equal((OrderStatus.Open, "after market order req received", true), (placed.Status, placed.BrokerStatus, placed.AfterMarket));
        var afterOpen = Drain(updates);
        Assert.Equal(["open", "complete"], afterOpen.Select(o => o.BrokerStatus));
        Assert.Equal(121.05m, afterOpen[^1].AveragePrice);
        Assert.Equal(MondayIst(9, 15).AddDays(1), Assert.Single(Ok(await _broker.GetTradeBookAsync(CancellationToken.None))).Time);
        Assert.Equal(id, afterOpen[^1].BrokerOrderId);
    }

    [Fact]
    public async Task Products_that_do_not_fit_the_instrument_are_rejected()
    {
        var cncOption = Ok(await _broker.PlaceAsync(Market(NiftyCall, OrderSide.Buy, 65, "cnc", ProductType.Cnc), CancellationToken.None));
        var nrmlEquity = Ok(await _broker.PlaceAsync(Market(Reliance, OrderSide.Buy, 1, "nrml", ProductType.Nrml), CancellationToken.None));

        Assert.StartsWith("Product CNC is for delivery equity", (await RowAsync(_broker, cncOption)).RejectReason, StringComparison.Ordinal);
        Assert.StartsWith("Product NRML is for derivatives", (await RowAsync(_broker, nrmlEquity)).RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_off_the_tick_grid_is_rejected()
    {
        var id = Ok(await _broker.PlaceAsync(Limit(NiftyCall, OrderSide.Buy, 65, 100.03m, "grid"), CancellationToken.None));

        Assert.Equal("Price 100.03 is not a multiple of the tick size 0.05.", (await RowAsync(_broker, id)).RejectReason);
    }

    [Fact]
    public async Task Stop_losses_with_a_trigger_already_passed_or_beyond_their_limit_are_rejected()
    {
        _broker.OnTick(_market.Tick(NiftyCall, 100m));

        var passed = Ok(await _broker.PlaceAsync(Stop(NiftyCall, OrderSide.Buy, 65, 99m, 0m, "passed"), CancellationToken.None));
        var beyond = Ok(await _broker.PlaceAsync(Stop(NiftyCall, OrderSide.Sell, 65, 95m, 96m, "beyond"), CancellationToken.None));

        Assert.Equal("Trigger price 99 must be above the last traded price 100 for a buy stop-loss.", (await RowAsync(_broker, passed)).RejectReason);
        Assert.Equal("Trigger price 95 must not be below the limit price 96 for a sell stop-loss.", (await RowAsync(_broker, beyond)).RejectReason);
    }
}
