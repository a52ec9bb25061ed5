using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Trading;

/// <summary>
/// What the ticket and the order book rely on from the server, on the real app with the paper
/// broker: roles are checked whatever the page shows, one button press places once, and bad
/// tickets are refused with a reason before anything is stored or reaches the broker.
/// </summary>
public sealed class TradingDeskTests : IAsyncLifetime
{
    private static readonly ActingUser Admin = new("admin", UserRoles.Admin);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private LoopbackApp _app = null!;
    private Instrument _reliance = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await _app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(_timeout.Token);
        Assert.True(_app.Services.GetRequiredService<IInstrumentCatalog>().TryGetBySymbol("RELIANCE-EQ", out _reliance));
        await UntilTheKernelHasAPriceAsync(_reliance.Id);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_is_refused_on_the_server_and_nothing_is_placed()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        CircuitUser.SignIn(scope.ServiceProvider, "viewer1", UserRoles.Viewer);
        var desk = scope.ServiceProvider.GetRequiredService<TradingDesk>();
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var ticket = new OrderTicket(_reliance.Id, OrderSide.Buy, 1, OrderType.Market, ProductType.Cnc);

        Assert.False(await desk.CanTradeAsync());
        var throughDesk = await desk.PlaceAsync(ticket, "viewer-press-1", _timeout.Token);
        var direct = await commands.PlaceAsync(new ActingUser("viewer1", UserRoles.Viewer), ticket, OrderSource.Ticket, "viewer-press-2", _timeout.Token);
        var close = await desk.ClosePositionAsync(_reliance.Id, ProductType.Cnc, 1, "viewer-press-3", _timeout.Token);
        var adopt = await desk.AdoptAsync(Guid.NewGuid(), _timeout.Token);

        Assert.All([throughDesk, direct, close], outcome =>
        {
            Assert.False(outcome.Accepted);
            Assert.Equal(["Your role (Viewer) may not place orders."], outcome.Problems);
        });
        Assert.False(adopt.Succeeded);
        Assert.Equal("Your role (Viewer) may not adopt manual trades.", adopt.Message);
        Assert.Empty(await BrokerOrdersAsync());
        Assert.Empty(await StoredOrdersAsync());
    }

    [Fact]
    public async Task The_same_button_press_sent_twice_places_one_order()
    {
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var ticket = new OrderTicket(_reliance.Id, OrderSide.Buy, 1, OrderType.Market, ProductType.Cnc);

        var first = await commands.PlaceAsync(Admin, ticket, OrderSource.Ticket, "press-once", _timeout.Token);
        var again = await commands.PlaceAsync(Admin, ticket, OrderSource.Ticket, "press-once", _timeout.Token);

        Assert.True(first.Accepted, first.Message);
        Assert.False(first.AlreadyPlaced);
        Assert.True(again.AlreadyPlaced, again.Message);
        Assert.Equal(first.Orders.Select(o => o.Id), again.Orders.Select(o => o.Id));
        var placed = Assert.Single(first.Orders);
        Assert.NotNull(placed.BrokerOrderId);
        var atBroker = Assert.Single(await BrokerOrdersAsync());
        Assert.Equal(placed.BrokerOrderId, atBroker.BrokerOrderId);
        Assert.Equal(1, atBroker.Quantity);
        Assert.Single(await StoredOrdersAsync());
    }

    [Fact]
    public async Task A_double_click_racing_itself_places_one_order()
    {
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var ticket = new OrderTicket(_reliance.Id, OrderSide.Buy, 2, OrderType.Market, ProductType.Cnc);

        var outcomes = await Task.WhenAll(
            commands.PlaceAsync(Admin, ticket, OrderSource.Ticket, "double-click", _timeout.Token),
            commands.PlaceAsync(Admin, ticket, OrderSource.Ticket, "double-click", _timeout.Token));

        Assert.Contains(outcomes, o => o.Accepted && !o.AlreadyPlaced);
        var atBroker = Assert.Single(await BrokerOrdersAsync());
        Assert.Equal(2, atBroker.Quantity);
        Assert.Single(await StoredOrdersAsync());
    }

    [Fact]
    public async Task Bad_tickets_are_refused_with_a_reason_and_nothing_is_stored_or_sent()
    {
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var catalog = _app.Services.GetRequiredService<IInstrumentCatalog>();
        var future = catalog.All.First(i => i.Type == InstrumentType.Future && i.LotSize > 1);
        var ltp = (await commands.PreviewAsync(new OrderTicket(_reliance.Id, OrderSide.Buy, 1, OrderType.Market, ProductType.Cnc), _timeout.Token)).LastPrice!.Value;
        // 10% over the last price, on the tick grid: outside the default 5% band.
        var farLimit = _reliance.RoundToTick(ltp * 1.10m);
        var unknown = new InstrumentId(ExchangeSegment.NseCm, 999_999);
        var cases = new (OrderTicket Ticket, string Reason)[]
        {
            (new(_reliance.Id, OrderSide.Buy, 0, OrderType.Market, ProductType.Cnc), "Quantity 0 must be positive"),
            (new(_reliance.Id, OrderSide.Buy, -5, OrderType.Market, ProductType.Cnc), "Quantity -5 must be positive"),
            (new(future.Id, OrderSide.Buy, future.LotSize + 1, OrderType.Market, ProductType.Nrml),
                $"Quantity {future.LotSize + 1} is not a multiple of the lot size {future.LotSize} for {future.TradingSymbol}"),
            (new(unknown, OrderSide.Buy, 1, OrderType.Market, ProductType.Cnc), "Instrument nse_cm|999999 is not in the instrument list"),
            (new(_reliance.Id, OrderSide.Buy, 1, OrderType.Limit, ProductType.Cnc, farLimit), "Limit price " + farLimit.ToString("0.00##", CultureInfo.InvariantCulture) + " is "),
        };

        foreach (var (ticket, reason) in cases)
        {
            var preview = await commands.PreviewAsync(ticket, _timeout.Token);
            var outcome = await commands.PlaceAsync(Admin, ticket, OrderSource.Ticket, "bad-" + Guid.NewGuid().ToString("N"), _timeout.Token);

            Assert.False(preview.IsAllowed);
            Assert.Contains(preview.Refusals, r => r.Contains(reason, StringComparison.Ordinal));
            Assert.False(outcome.Accepted);
            Assert.Empty(outcome.Orders);
            Assert.Contains(outcome.Problems, p => p.Contains(reason, StringComparison.Ordinal));
        }

        var band = (await commands.PreviewAsync(cases[^1].Ticket, _timeout.Token)).Refusals;
        Assert.Contains(band, r => r.Contains("from the last price", StringComparison.Ordinal) && r.EndsWith("the band is 5%", StringComparison.Ordinal));
        Assert.Empty(await BrokerOrdersAsync());
        Assert.Empty(await StoredOrdersAsync());
    }

    private async Task<IReadOnlyList<BrokerOrder>> BrokerOrdersAsync()
    {
        var book = await _app.Services.GetRequiredService<IBrokerGateway>().GetOrderBookAsync(_timeout.Token);
        Assert.True(book.IsSuccess, book.ToString());
        return book.Value!;
    }

    private Task<IReadOnlyList<Order>> StoredOrdersAsync() =>
        _app.Services.GetRequiredService<IOrderStore>().QueryAsync(new OrderQuery(), _timeout.Token);

    /// <summary>The risk checks need the kernel's last price: wait for it tick by tick, never by sleeping.</summary>
    private async Task UntilTheKernelHasAPriceAsync(InstrumentId instrument)
    {
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var probe = new OrderTicket(instrument, OrderSide.Buy, 1, OrderType.Market, ProductType.Cnc);
        while ((await commands.PreviewAsync(probe, _timeout.Token)).LastPrice is null)
        {
            await MarketWait.UntilTicksFlowAsync(_app, ticks: 5);
        }
    }
}
