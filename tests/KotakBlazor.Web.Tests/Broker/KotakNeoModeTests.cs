using System.Net;
using System.Text.Json.Nodes;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Hosting;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// <c>Broker:Mode</c> KotakNeo end to end against the fake Kotak on loopback: credentials entered after start-up
/// log in and wake the feeds, the scrip master becomes the catalog, a tick from the fake SFeed reaches the tick
/// bus, orders go to Kotak through the ticket's command, the order feed's pushes and its reconnections land in
/// the order book, and without credentials the app runs and refuses orders with a clear reason.
/// </summary>
public sealed class KotakNeoModeTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private KotakNeoApp _kotak = null!;

    public async Task InitializeAsync() => _kotak = await KotakNeoApp.StartAsync(_timeout.Token);

    public async Task DisposeAsync()
    {
        await _kotak.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task The_mode_wires_Kotaks_feed_gateway_catalog_and_order_feed()
    {
        Assert.IsType<KotakNeoGateway>(_kotak.Get<IBrokerGateway>());
        Assert.IsType<ScripMasterCatalog>(_kotak.Get<IInstrumentCatalog>());
        Assert.IsType<BrokerLoginGuard>(_kotak.Get<IOrderDecider>());
        Assert.Same(_kotak.Get<KotakBrokerLogin>(), _kotak.Get<IKotakFeedSession>());
        Assert.Equal([KotakSFeed.FeedName], _kotak.Get<Core.MarketData.TickPipeline>().Feeds.Select(f => f.Name));
        Assert.Equal(BrokerMode.KotakNeo, (await _kotak.Get<BrokerHealthService>().ReadAsync(_timeout.Token)).Mode);
    }

    [Fact]
    public async Task Without_credentials_the_app_runs_says_why_and_refuses_orders_before_storing_anything()
    {
        var health = await _kotak.Get<BrokerHealthService>().ReadAsync(_timeout.Token);
        var outcome = await _kotak.Get<TradingCommands>().PlaceAsync(KotakNeoApp.Admin,
            new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis), OrderSource.Ticket, "no-login", _timeout.Token);

        Assert.False(health.Login!.LoggedIn);
        Assert.StartsWith("Broker not logged in: enter credentials on the broker settings page.", health.Login.Problem, StringComparison.Ordinal);
        Assert.False(outcome.Accepted);
        Assert.StartsWith("Refused: Broker not logged in: enter credentials on the broker settings page. (The Kotak Neo credentials are not set", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_kotak.Get<OrderManager>().Orders);
        Assert.Equal(0, _kotak.Fake.Rest.Count("/quick/order/"));
        Assert.Equal(0, _kotak.Fake.Rest.LoginCount);

        // Still serving, and /healthz says the same (unhealthy: a monitor should call someone).
        using var client = _kotak.App.CreateClient();
        var response = await client.GetAsync("/healthz", _timeout.Token);
        var broker = JsonNode.Parse(await response.Content.ReadAsStringAsync(_timeout.Token))!["checks"]!["broker"]!;
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy", false), (response.StatusCode, (string?)broker["status"], (bool?)broker["data"]!["loggedIn"]));
        Assert.StartsWith("Broker not logged in", (string?)broker["description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", _timeout.Token)).StatusCode);
    }

    [Fact]
    public async Task Credentials_entered_later_log_in_wake_the_feeds_load_the_scrip_master_and_a_tick_reaches_the_tick_bus()
    {
        var catalog = _kotak.Get<IInstrumentCatalog>();
        Assert.Empty(catalog.All);
        using var ticks = _kotak.Get<TickBus>().SubscribeQueue(4096);

        await _kotak.LogInAsync();
        await _kotak.RelianceSubscribedAsync();
        var at = DateTimeOffset.UtcNow;
        await _kotak.Fake.PushRelianceTickAsync(1401.30m, at);

        Core.MarketData.Tick tick;
        do
        {
            await ticks.WaitToReadAsync(_timeout.Token);
        }
        while (!ticks.TryRead(out tick) || tick.Instrument != _kotak.Fake.Reliance.Id);

        Assert.Equal((1401.30m, DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds())), (tick.LastPrice, tick.ExchangeTime));
        Assert.True(catalog.TryGetBySymbol("RELIANCE-EQ", out var reliance));
        Assert.Equal((0.10m, 1), (reliance.TickSize, reliance.LotSize));
        // One login served the REST calls, both feeds and the scrip master: a second login would end the first session at Kotak.
        Assert.Equal(1, _kotak.Fake.Rest.LoginCount);
        Assert.Equal(_kotak.Fake.Rest.TradeSid, (string?)_kotak.Fake.Feeds.SFeed.AuthFrames.Items[^1]["auth"]);
        await _kotak.OrderFeedConnectedAsync(1);
        var health = await _kotak.Get<BrokerHealthService>().ReadAsync(_timeout.Token);
        Assert.True(health.Login!.LoggedIn);
        Assert.All(health.Feeds, f => Assert.True(f.Connected, $"{f.Name} is {f.State}"));
    }

    [Fact]
    public async Task A_ticket_order_goes_to_Kotak_and_comes_back_filled_with_its_fill()
    {
        await _kotak.LogInAsync();
        await _kotak.PriceKnownAsync(1400.00m);
        using var fills = _kotak.Get<OrderManager>().Fills.Subscribe(1024);

        var placed = await _kotak.PlaceAsync(new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Buy, 3, OrderType.Market, ProductType.Mis));
        var filled = await _kotak.Get<OrderManager>().WaitForSettledAsync(placed.Id, TimeSpan.FromSeconds(30), _timeout.Token);

        var atBroker = Assert.Single(_kotak.Fake.Rest.Exchange.Orders());
        Assert.Equal((OrderStatus.Filled, atBroker.Id, 3, 1400.00m), (filled.Status, filled.BrokerOrderId, filled.FilledQuantity, filled.AveragePrice));
        Assert.Equal((placed.Tag, "B", "MKT", "MIS", 3), (atBroker.Tag, atBroker.Side, atBroker.PriceType, atBroker.Product, atBroker.Quantity));
        var fill = await _kotak.FillOfAsync(fills, placed.Id);
        Assert.Equal((3, 1400.00m, atBroker.Id), (fill.Quantity, fill.Price, fill.BrokerOrderId));
        Assert.Single(await _kotak.Get<IOrderStore>().LoadFillsAsync(DateTimeOffset.UtcNow.AddDays(-1), _timeout.Token));
    }

    [Fact]
    public async Task An_order_feed_push_lands_in_the_order_book_without_a_book_read()
    {
        await _kotak.LogInAsync();
        await _kotak.PriceKnownAsync(1400.00m);
        await _kotak.OrderFeedConnectedAsync(1);
        using var fills = _kotak.Get<OrderManager>().Fills.Subscribe(1024);
        var placed = await _kotak.PlaceAsync(new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Buy, 2, OrderType.Limit, ProductType.Mis, LimitPrice: 1390.00m));
        await _kotak.OrderInAsync(placed.Id, OrderStatus.Open);

        // From here on the order book cannot be read: only the push can tell the app about the fill.
        _kotak.Fake.Rest.Faults.Next(FakeFault.ServerError, "/quick/user/orders", times: 1_000);
        var atBroker = Assert.Single(_kotak.Fake.Rest.Exchange.Orders());
        _kotak.Fake.Rest.Exchange.SetLastPrice(_kotak.Fake.Reliance.Id, 1390.00m);
        Assert.Equal(OrderStatus.Open, _kotak.Get<OrderManager>().Find(placed.Id)!.Status);
        await _kotak.Fake.PushOrderAsync(atBroker);

        var filled = await _kotak.Get<OrderManager>().WaitForSettledAsync(placed.Id, TimeSpan.FromSeconds(30), _timeout.Token);
        Assert.Equal((OrderStatus.Filled, 2, 1390.00m), (filled.Status, filled.FilledQuantity, filled.AveragePrice));
        var fill = await _kotak.FillOfAsync(fills, placed.Id);
        Assert.Equal((2, 1390.00m), (fill.Quantity, fill.Price));
    }

    [Fact]
    public async Task A_fill_pushed_while_the_order_feed_was_down_is_picked_up_by_the_book_read_after_it_reconnects()
    {
        using var bookReads = _kotak.Get<KotakOrderFeedService>().BookReadAfterConnect.Subscribe(16);
        await _kotak.LogInAsync();
        await _kotak.PriceKnownAsync(1400.00m);
        Assert.True((await bookReads.Reader.ReadAsync(_timeout.Token)).IsSuccess);
        using var rows = _kotak.Get<KotakNeoGateway>().OrderUpdates.Subscribe(1024);
        var placed = await _kotak.PlaceAsync(new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Sell, 1, OrderType.Limit, ProductType.Mis, LimitPrice: 1410.00m));
        // The read after the order call has published the broker's "open": no read is left in flight.
        while ((await rows.Reader.ReadAsync(_timeout.Token)).BrokerStatus != KotakOrderStates.Open)
        {
        }

        // The order fills while nobody is told: the push is lost with the socket.
        _kotak.Fake.Rest.Exchange.SetLastPrice(_kotak.Fake.Reliance.Id, 1410.00m);
        Assert.Equal(OrderStatus.Open, _kotak.Get<OrderManager>().Find(placed.Id)!.Status);
        _kotak.Fake.Feeds.OrderFeed.Current.Drop();

        var afterReconnect = await bookReads.Reader.ReadAsync(_timeout.Token);
        Assert.Equal(1, afterReconnect.Value);
        var filled = await _kotak.Get<OrderManager>().WaitForSettledAsync(placed.Id, TimeSpan.FromSeconds(30), _timeout.Token);
        Assert.Equal((OrderStatus.Filled, 1410.00m), (filled.Status, filled.AveragePrice));
        Assert.Equal(2, _kotak.Fake.Feeds.OrderFeed.Connections.Count);
        var orderFeed = (await _kotak.Get<BrokerHealthService>().ReadAsync(_timeout.Token)).Feeds.Single(f => f.Name == KotakOrderFeed.FeedName);
        Assert.Equal(1, orderFeed.Reconnects);
    }
}
