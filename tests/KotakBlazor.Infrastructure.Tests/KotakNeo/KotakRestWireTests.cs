using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>What goes on the wire: paths, headers, and jData with every value a string.</summary>
public sealed class KotakRestWireTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instrument Call = KotakTestRig.NiftyCall;
    private readonly ManualClock _clock = new(IndianMarketTime.AtIst(new DateOnly(2026, 12, 4), new TimeOnly(11, 0)));
    private KotakTestRig _rig = null!;

    private KotakNeoRestClient Client => _rig.Client;

    private FakeKotakServer Server => _rig.Server;

    public async Task InitializeAsync()
    {
        _rig = await KotakTestRig.StartAsync(_clock);
        Server.Exchange.SetLastPrice(Call.Id, 120m);
        Server.Exchange.SetLastPrice(KotakTestRig.Idea.Id, 9.39m);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_limit_order_is_a_form_with_jdata_of_strings_and_the_session_headers()
    {
        var id = Ok(await Client.PlaceAsync(new BrokerOrderRequest("wire-1", Call.Id, Call.TradingSymbol, OrderSide.Buy, 150, OrderType.Limit, ProductType.Nrml, 114.50m, 0m), None));

        var place = Last("/quick/order/rule/ms/place");
        Assert.Equal("""{"am":"NO","dq":"0","es":"nse_fo","mp":"0","pc":"NRML","pf":"N","pr":"114.5","pt":"L","qt":"150","rt":"DAY","tp":"0","ts":"NIFTY26DEC26000CE","tt":"B","tk":"49081","ig":"wire-1","os":"NEOTRADEAPI"}""", place.JData);
        Assert.Equal("application/x-www-form-urlencoded", place.ContentType);
        Assert.Equal((Server.TradeToken, "trade-sid-2", "neotradeapi", "application/json", Server.Account.AccessToken),
            (place.Header("Auth"), place.Header("Sid"), place.Header("neo-fin-key"), place.Header("accept"), place.Header("Authorization")));
        Assert.Equal(id, Assert.Single(Server.Exchange.Orders()).Id);
    }

    [Fact]
    public async Task Market_and_stop_market_orders_send_zero_as_0_and_the_trigger_only_for_stops()
    {
        Ok(await Client.PlaceAsync(new BrokerOrderRequest("mkt", Call.Id, Call.TradingSymbol, OrderSide.Sell, 75, OrderType.Market, ProductType.Mis, 119.95m, 118m, Validity: OrderValidity.Ioc), None));
        var market = FakeKotakServer.ParseJData(Last("/quick/order/rule/ms/place").JData, out _)!;
        Ok(await Client.PlaceAsync(new BrokerOrderRequest("slm", Call.Id, Call.TradingSymbol, OrderSide.Sell, 75, OrderType.StopLossMarket, ProductType.Nrml, 0m, 110m), None));
        var stop = FakeKotakServer.ParseJData(Last("/quick/order/rule/ms/place").JData, out _)!;

        Assert.Equal(("0", "MKT", "0", "MIS", "IOC", "S"), (market["pr"], market["pt"], market["tp"], market["pc"], market["rt"], market["tt"]));
        Assert.Equal(("0", "SL-M", "110"), (stop["pr"], stop["pt"], stop["tp"]));
    }

    [Fact]
    public async Task Modify_sends_the_new_terms_with_the_orders_unchanged_fields()
    {
        var id = Ok(await Client.PlaceAsync(new BrokerOrderRequest("mod", Call.Id, Call.TradingSymbol, OrderSide.Buy, 75, OrderType.Limit, ProductType.Nrml, 100m, 0m), None));
        var row = Assert.Single(Ok(await Client.GetOrderBookAsync(None)));

        Ok(await Client.ModifyAsync(row, new BrokerModifyRequest(id, 150, OrderType.Limit, 101.25m, 0m), None));

        Assert.Equal($$"""{"no":"{{id}}","pr":"101.25","pt":"L","qt":"150","vd":"DAY","tp":"0","dq":"0","am":"NO","mp":"0","tk":"49081","es":"nse_fo","ts":"NIFTY26DEC26000CE","tt":"B","pc":"NRML","dd":"NA","fq":"0","os":"NEOTRADEAPI"}""",
            Last("/quick/order/vr/modify").JData);
        var order = Server.Exchange.Order(id)!;
        Assert.Equal((150, 101.25m, "open"), (order.Quantity, order.Price, order.State));
    }

    [Fact]
    public async Task Cancel_sends_the_order_number_and_the_amo_flag()
    {
        var id = Ok(await Client.PlaceAsync(new BrokerOrderRequest("cxl", Call.Id, Call.TradingSymbol, OrderSide.Buy, 75, OrderType.Limit, ProductType.Nrml, 100m, 0m), None));

        Assert.Equal(id, Ok(await Client.CancelAsync(id, afterMarket: false, Call.TradingSymbol, None)));

        Assert.Equal($$"""{"on":"{{id}}","am":"NO"}""", Last("/quick/order/cancel").JData);
        Assert.Equal("cancelled", Server.Exchange.Order(id)!.State);
    }

    [Fact]
    public async Task Reports_are_gets_with_the_session_headers_and_limits_a_post_for_everything()
    {
        Ok(await Client.GetOrderBookAsync(None));
        Ok(await Client.GetFundsAsync(None));

        var book = Last("/quick/user/orders");
        Assert.Equal(("GET", Server.TradeToken, "trade-sid-2"), (book.Method, book.Header("Auth"), book.Header("Sid")));
        Assert.Null(book.Header("Authorization"));
        Assert.Equal("""{"seg":"ALL","exch":"ALL","prod":"ALL"}""", Last("/quick/user/limits").JData);
    }

    [Fact]
    public async Task Check_margin_sends_the_order_terms_and_reads_what_it_needs()
    {
        var request = new BrokerOrderRequest("m", Call.Id, Call.TradingSymbol, OrderSide.Buy, 150, OrderType.Limit, ProductType.Nrml, 118.5m, 0m);

        var estimate = Ok(await Client.CheckMarginAsync(request, None));

        var sent = FakeKotakServer.ParseJData(Last("/quick/user/check-margin").JData, out _)!;
        Assert.Equal(("nse_fo", "118.5", "L", "NRML", "150", "49081", "B", "0"),
            (sent["exSeg"], sent["prc"], sent["prcTp"], sent["prod"], sent["qty"], sent["tok"], sent["trnsTp"], sent["trgPrc"]));
        // 150 x 118.50 = 17,775 against 5,000,000 cash and nothing in use.
        Assert.Equal((17_775m, 5_000_000m, true), (estimate.Required, estimate.Available, estimate.IsSufficient));
        Assert.Contains("RMS check: OK", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_need_only_the_access_token_and_name_instruments_as_segment_bar_token()
    {
        var quotes = Ok(await Client.GetQuotesAsync([Call.Id, KotakTestRig.Idea.Id], None));

        var request = Last("/script-details/1.0/quotes/neosymbol/");
        Assert.Equal("/script-details/1.0/quotes/neosymbol/nse_fo%7C49081,nse_cm%7C14366/all", request.RawTarget);
        Assert.Equal(Server.Account.AccessToken, request.Header("Authorization"));
        Assert.Null(request.Header("Auth"));
        Assert.Equal(0, Server.LoginCount);
        Assert.Equal([(Call.Id, 120m, 119.95m, 120.05m), (KotakTestRig.Idea.Id, 9.39m, 9.38m, 9.40m)],
            quotes.Select(q => (q.Instrument, q.LastPrice, q.BestBid, q.BestAsk)));
    }

    [Fact]
    public async Task The_client_ip_is_what_the_broker_sees()
    {
        Assert.Equal("127.0.0.1", Ok(await Client.GetClientIpAsync(None)));
    }

    [Fact]
    public async Task Orders_beyond_ten_a_second_wait_for_the_next_second()
    {
        for (var i = 0; i < 10; i++)
        {
            Ok(await Client.PlaceAsync(new BrokerOrderRequest($"burst-{i}", Call.Id, Call.TradingSymbol, OrderSide.Buy, 75, OrderType.Limit, ProductType.Nrml, 100m, 0m), None));
        }

        Assert.Equal(0, Client.OrderBudget.RemainingNow);
        var eleventh = Client.PlaceAsync(new BrokerOrderRequest("burst-10", Call.Id, Call.TradingSymbol, OrderSide.Buy, 75, OrderType.Limit, ProductType.Nrml, 100m, 0m), None);
        await _clock.WaitForArmedTimersAsync(1, None);

        Assert.False(eleventh.IsCompleted);
        Assert.Equal(10, Server.Count("/quick/order/rule/ms/place"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Ok(await eleventh);
        Assert.Equal(11, Server.Count("/quick/order/rule/ms/place"));
    }

    private FakeRequest Last(string pathContains) => Server.Requests.Last(r => r.Path.Contains(pathContains, StringComparison.Ordinal));
}
