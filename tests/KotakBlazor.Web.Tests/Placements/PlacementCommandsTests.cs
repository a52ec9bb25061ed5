using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Placements;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Tests.Trading;

namespace KotakBlazor.Web.Tests.Placements;

/// <summary>
/// Placements on the real app with the paper broker and the simulated NIFTY options: a viewer is
/// refused on the server for every command whatever the page offers, and a trader's confirmation
/// executed twice places once.
/// </summary>
public sealed class PlacementCommandsTests : IAsyncLifetime
{
    private static readonly ActingUser Viewer = new("viewer1", UserRoles.Viewer);
    private static readonly ActingUser Trader = new("trader1", UserRoles.Trader);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private LoopbackApp _app = null!;
    private Instrument _call = null!;
    private Instrument _put = null!;

    public async Task InitializeAsync()
    {
        // Enough paper capital for 40-lot short legs (the paper margin model blocks 15% of the underlying for each).
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["PaperBroker:Capital"] = "1000000000" });
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
        var options = _app.Services.GetRequiredService<IInstrumentCatalog>().All.Where(i => i.Type == InstrumentType.Option && i.Underlying == "NIFTY").ToList();
        var expiry = options.Min(o => o.Expiry);
        // Out of the money either side of the grid's centre (the simulated NIFTY starts near 25,950).
        _call = options.Where(o => o.Expiry == expiry && o.OptionType == OptionType.Call).OrderBy(o => o.Strike).First(o => o.Strike >= 26_200m);
        _put = options.Where(o => o.Expiry == expiry && o.OptionType == OptionType.Put).OrderByDescending(o => o.Strike).First(o => o.Strike <= 25_700m);
        await PaperTrading.LastPriceAsync(_app, _call.Id, _timeout.Token);
        await PaperTrading.LastPriceAsync(_app, _put.Id, _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_is_refused_on_the_server_for_every_placement_command_and_nothing_is_placed()
    {
        var commands = _app.Services.GetRequiredService<PlacementCommands>();
        await using var scope = _app.Services.CreateAsyncScope();
        CircuitUser.SignIn(scope.ServiceProvider, Viewer.UserName, Viewer.Role);
        var screen = scope.ServiceProvider.GetRequiredService<PlacementScreen>();
        var draft = Strangle();
        var anyId = Guid.NewGuid();

        PlacementResult[] results =
        [
            await screen.ExecuteAsync(draft, _timeout.Token),
            await commands.ExecuteAsync(Viewer, draft, _timeout.Token),
            await commands.ResumeAsync(Viewer, anyId, _timeout.Token),
            await commands.UnwindAsync(Viewer, anyId, _timeout.Token),
            await commands.KeepAsync(Viewer, anyId, _timeout.Token),
            await commands.CloseAsync(Viewer, Guid.NewGuid(), anyId, _timeout.Token),
            await commands.RollAsync(Viewer, Guid.NewGuid(), anyId, _call.Id, _put.Id, _timeout.Token),
        ];

        Assert.False(await screen.CanTradeAsync());
        Assert.All(results, r =>
        {
            Assert.False(r.Succeeded);
            Assert.Equal(["Your role (Viewer) may not place orders."], r.Problems);
        });
        Assert.Null(_app.Services.GetRequiredService<PlacementDesk>().Find(draft.Id));
        Assert.Null(await _app.Services.GetRequiredService<IPlacementStore>().FindAsync(draft.Id, _timeout.Token));
        Assert.Empty(await BrokerOrdersAsync());
    }

    [Fact]
    public async Task A_trader_s_confirmation_executed_twice_places_one_strangle()
    {
        var commands = _app.Services.GetRequiredService<PlacementCommands>();
        var desk = _app.Services.GetRequiredService<PlacementDesk>();
        var draft = Strangle();

        var preview = await commands.PreviewAsync(draft, Trader.UserName, _timeout.Token);
        var first = await commands.ExecuteAsync(Trader, draft, _timeout.Token);
        var second = await commands.ExecuteAsync(Trader, draft, _timeout.Token);
        await desk.WhenIdleAsync(draft.Id);

        Assert.True(preview.IsAllowed, string.Join("; ", preview.Problems));
        Assert.Equal((4, 2), (preview.Prepared.Plan!.OrderCount, preview.Prepared.Plan.BatchCount));
        Assert.True(preview.Margin!.Required > 0);
        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.AlreadyDone);
        var placed = desk.Find(draft.Id)!;
        Assert.Equal(PlacementStatus.Completed, placed.Status);
        var book = await BrokerOrdersAsync();
        Assert.Equal(4, book.Count);
        Assert.All(book, o => Assert.Equal((OrderSide.Sell, 1300, OrderStatus.Filled), (o.Side, o.Quantity, o.Status)));
        Assert.Equal(PlacementStatus.Completed, (await _app.Services.GetRequiredService<IPlacementStore>().FindAsync(draft.Id, _timeout.Token))!.Status);
    }

    private PlacementDraft Strangle() =>
        new(Guid.NewGuid(), "NIFTY short strangle", "NIFTY", _call.Expiry, ProductType.Nrml,
            [new DraftLeg(_call.Id, OrderSide.Sell, 40), new DraftLeg(_put.Id, OrderSide.Sell, 40)]);

    private async Task<IReadOnlyList<BrokerOrder>> BrokerOrdersAsync()
    {
        var book = await _app.Services.GetRequiredService<IBrokerGateway>().GetOrderBookAsync(_timeout.Token);
        Assert.True(book.IsSuccess, book.ToString());
        return book.Value!;
    }
}
