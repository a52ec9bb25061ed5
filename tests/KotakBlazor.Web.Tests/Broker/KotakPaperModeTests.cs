using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary><c>Broker:Mode</c> KotakPaper: Kotak's live prices and scrip master, orders to the paper broker and never to Kotak.</summary>
public sealed class KotakPaperModeTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private KotakNeoApp _kotak = null!;

    public async Task InitializeAsync() => _kotak = await KotakNeoApp.StartAsync(_timeout.Token, mode: "KotakPaper");

    public async Task DisposeAsync()
    {
        await _kotak.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Orders_fill_at_the_paper_broker_on_Kotaks_prices_and_nothing_is_sent_to_Kotak()
    {
        Assert.IsType<PaperBroker>(_kotak.Get<IBrokerGateway>());
        Assert.IsType<ScripMasterCatalog>(_kotak.Get<IInstrumentCatalog>());
        await _kotak.LogInAsync();
        await _kotak.PriceKnownAsync(1400.00m);

        var placed = await _kotak.PlaceAsync(new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Buy, 4, OrderType.Market, ProductType.Mis));
        var filled = await _kotak.Get<OrderManager>().WaitForSettledAsync(placed.Id, TimeSpan.FromSeconds(30), _timeout.Token);

        // A market buy pays the ask: LTP plus one tick (0.10) of half-spread when the tick carries no ask.
        Assert.Equal((OrderStatus.Filled, 4, 1400.10m), (filled.Status, filled.FilledQuantity, filled.AveragePrice));
        Assert.Equal(0, _kotak.Fake.Rest.Count("/quick/order/"));
        Assert.Empty(_kotak.Fake.Rest.Exchange.Orders());
        var health = await _kotak.Get<BrokerHealthService>().ReadAsync(_timeout.Token);
        Assert.Equal(("Paper", true, false), (health.Broker, health.Login!.LoggedIn, health.Feeds.Any(f => f.Purpose == "order feed")));
        Assert.NotNull(health.Paper);
    }
}
