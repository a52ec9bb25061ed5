using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Trading;

/// <summary>The position book's P&amp;L is the figure the broker shows: sell amount - buy amount + net x LTP x multiplier.</summary>
public sealed class PnlMatchesBrokerTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await _app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        await MarketWait.UntilTicksFlowAsync(_app, ticks: 200);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task After_buys_and_a_sell_the_books_agree_with_the_brokers_formula()
    {
        Assert.True(_app.Services.GetRequiredService<IInstrumentCatalog>().TryGetBySymbol("RELIANCE-EQ", out var reliance));
        using var portfolio = _app.Services.GetRequiredService<KernelEventStreams>().Portfolio.Subscribe(4096);
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var orders = _app.Services.GetRequiredService<OrderManager>();
        var trader = new ActingUser("trader1", UserRoles.Trader);
        foreach (var (side, quantity) in new[] { (OrderSide.Buy, 5), (OrderSide.Buy, 3), (OrderSide.Sell, 6) })
        {
            var outcome = await commands.PlaceAsync(trader, new OrderTicket(reliance.Id, side, quantity, OrderType.Market, ProductType.Mis), OrderSource.Ticket, null, CancellationToken.None);
            Assert.True(outcome.Accepted, outcome.Message);
            Assert.Equal(OrderStatus.Filled, (await orders.WaitForSettledAsync(outcome.Orders[0].Id, TimeSpan.FromSeconds(30), CancellationToken.None)).Status);
        }

        var kernel = _app.Services.GetRequiredService<TradingKernel>();
        var broker = (await _app.Services.GetRequiredService<IBrokerGateway>().GetPositionsAsync(CancellationToken.None)).Value!.Single(p => p.Instrument == reliance.Id);
        // The fills reach the kernel through a queue: wait for the snapshot that has all 14 units traded.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var position = await kernel.InvokeAsync(core => core.Positions.Snapshot(core.Now).Positions.SingleOrDefault(p => p.Instrument == reliance.Id));
        while (position is null || position.BuyQuantity + position.SellQuantity < 14)
        {
            var snapshot = await portfolio.Reader.ReadAsync(timeout.Token);
            position = snapshot.Positions.SingleOrDefault(p => p.Instrument == reliance.Id);
        }

        Assert.Equal((8, 6, 2), (position.BuyQuantity, position.SellQuantity, position.NetQuantity));
        Assert.Equal((broker.BuyQuantity, broker.SellQuantity, broker.BuyAmount, broker.SellAmount), (position.BuyQuantity, position.SellQuantity, position.BuyAmount, position.SellAmount));
        Assert.Equal(broker.ProfitAndLoss(position.LastPrice), position.Pnl);
        Assert.Equal(position.Pnl, position.RealizedPnl + position.UnrealizedPnl);
    }
}
