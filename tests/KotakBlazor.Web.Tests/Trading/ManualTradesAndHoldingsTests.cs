using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Trading;

/// <summary>
/// The positions page's manual-trade panel and holdings split, through the desk: a holding the
/// account had before the system is pre-existing until a trader adopts it; adopting makes it a
/// system position once; ignoring leaves it alone; viewers can do neither.
/// </summary>
public sealed class ManualTradesAndHoldingsTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string>
        {
            ["PaperBroker:Holdings:0:Symbol"] = "TCS-EQ",
            ["PaperBroker:Holdings:0:Quantity"] = "10",
            ["PaperBroker:Holdings:0:AveragePrice"] = "3500",
            // Only the start-up reconciliation: the test decides when the next one runs.
            ["Reconciliation:IntervalSeconds"] = "0",
        });
        await _app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(_timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_pre_existing_holding_is_kept_apart_until_adopted_and_adopting_counts_it_once()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        CircuitUser.SignIn(scope.ServiceProvider, "trader1", UserRoles.Trader);
        var desk = scope.ServiceProvider.GetRequiredService<TradingDesk>();
        using var portfolio = _app.Services.GetRequiredService<KernelEventStreams>().Portfolio.Subscribe(1024);

        var before = await desk.LoadHoldingsAsync(_timeout.Token);
        var found = Assert.Single(await desk.LoadManualTradesAsync(_timeout.Token));
        var adopted = await desk.AdoptAsync(found.Id, _timeout.Token);
        var again = await desk.AdoptAsync(found.Id, _timeout.Token);
        var after = await desk.LoadHoldingsAsync(_timeout.Token);

        Assert.Null(before.Problem);
        Assert.Empty(before.Tracked);
        var preExisting = Assert.Single(before.PreExisting);
        Assert.Equal(("TCS-EQ", 10, 3500m), (preExisting.TradingSymbol, preExisting.Quantity, preExisting.AveragePrice));
        Assert.Equal((ManualTradeKind.Holding, ManualTradeStatus.New, 10), (found.Kind, found.Status, found.Quantity));

        Assert.True(adopted.Succeeded, adopted.Message);
        Assert.False(again.Succeeded);
        Assert.Equal("It was adopted already by trader1.", again.Message);
        var order = Assert.Single(desk.Orders, o => o.Source == OrderSource.Manual);
        Assert.Equal((OrderSide.Buy, 10, OrderStatus.Filled, 3500m, "trader1"), (order.Side, order.FilledQuantity, order.Status, order.AveragePrice, order.RequestedBy));
        Assert.Equal(ManualTradeStatus.Adopted, Assert.Single(await desk.LoadManualTradesAsync(_timeout.Token)).Status);
        Assert.Empty(after.PreExisting);
        Assert.Equal(10, Assert.Single(after.Tracked).Quantity);

        // The adopted fill reaches the kernel's positions: TCS-EQ is held, 10 shares.
        var tcs = Assert.Single(after.Tracked).Instrument;
        var net = 0;
        while (net != 10)
        {
            var snapshot = await portfolio.Reader.ReadAsync(_timeout.Token);
            net = snapshot.Positions.Where(p => p.Instrument == tcs).Sum(p => p.NetQuantity);
        }

        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(20, _timeout.Token);
        Assert.Single(audit, a => a.Action == "manual-trade.adopted" && a.Actor == "trader1");
    }

    [Fact]
    public async Task Ignoring_a_manual_order_places_nothing_and_a_viewer_can_neither_adopt_nor_ignore()
    {
        var store = _app.Services.GetRequiredService<IManualTradeStore>();
        Assert.True(_app.Services.GetRequiredService<IInstrumentCatalog>().TryGetBySymbol("HDFCBANK-EQ", out var hdfc));
        var manual = await store.RecordAsync(new ManualTrade(Guid.NewGuid(), ManualTradeKind.Order, hdfc.Id, hdfc.TradingSymbol, ProductType.Mis, 5, 990m, "APP-123",
            DateTimeOffset.UtcNow), _timeout.Token);
        await using var viewerScope = _app.Services.CreateAsyncScope();
        CircuitUser.SignIn(viewerScope.ServiceProvider, "viewer1", UserRoles.Viewer);
        var viewer = viewerScope.ServiceProvider.GetRequiredService<TradingDesk>();
        await using var traderScope = _app.Services.CreateAsyncScope();
        CircuitUser.SignIn(traderScope.ServiceProvider, "trader1", UserRoles.Trader);
        var trader = traderScope.ServiceProvider.GetRequiredService<TradingDesk>();

        var viewerAdopt = await viewer.AdoptAsync(manual.Id, _timeout.Token);
        var viewerIgnore = await viewer.IgnoreAsync(manual.Id, _timeout.Token);
        var ignored = await trader.IgnoreAsync(manual.Id, _timeout.Token);
        var adoptAfter = await trader.AdoptAsync(manual.Id, _timeout.Token);

        Assert.Equal("Your role (Viewer) may not adopt manual trades.", viewerAdopt.Message);
        Assert.Equal("Your role (Viewer) may not ignore manual trades.", viewerIgnore.Message);
        Assert.True(ignored.Succeeded, ignored.Message);
        Assert.False(adoptAfter.Succeeded);
        Assert.Equal("It was ignored already by trader1.", adoptAfter.Message);
        var stored = (await store.LoadAsync(_timeout.Token)).Single(m => m.Id == manual.Id);
        Assert.Equal((ManualTradeStatus.Ignored, "trader1"), (stored.Status, stored.ResolvedBy));
        Assert.DoesNotContain(trader.Orders, o => o.Source == OrderSource.Manual);
    }
}
