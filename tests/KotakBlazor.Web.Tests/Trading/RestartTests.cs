using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Trading;

/// <summary>A restart in the middle of the day keeps the positions, the day's realized P&amp;L and the paper account, and finds no phantom manual trades.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private readonly string _dataFolder = LoopbackApp.NewDataFolder();
    private LoopbackApp? _first;
    private LoopbackApp? _second;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        if (_first is not null)
        {
            await _first.StopKeepingDataAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Positions_and_the_days_realized_pnl_survive_a_restart()
    {
        _first = await LoopbackApp.StartAsync(dataFolder: _dataFolder);
        await PaperTrading.ReadyAsync(_first, _timeout.Token);
        await PaperTrading.LastPriceAsync(_first, PaperTrading.Reliance, _timeout.Token);
        var buy = await PaperTrading.FillAsync(_first, PaperTrading.Admin, PaperTrading.Reliance, OrderSide.Buy, 5, _timeout.Token);
        var sell = await PaperTrading.FillAsync(_first, PaperTrading.Admin, PaperTrading.Reliance, OrderSide.Sell, 3, _timeout.Token);
        var before = await PositionAsync(_first, buy.FilledQuantity + sell.FilledQuantity);
        // Average cost: 3 sold at the sell price against a buy average.
        Assert.Equal(3 * (sell.AveragePrice!.Value - buy.AveragePrice!.Value), before.RealizedPnl);
        await _first.StopKeepingDataAsync();
        _first = null;

        _second = await LoopbackApp.StartAsync(dataFolder: _dataFolder);
        await PaperTrading.ReadyAsync(_second, _timeout.Token);

        var after = await PositionAsync(_second, 8);
        Assert.Equal((2, before.RealizedPnl, before.BuyAmount, before.SellAmount), (after.NetQuantity, after.RealizedPnl, after.BuyAmount, after.SellAmount));
        var paper = (await _second.Services.GetRequiredService<IBrokerGateway>().GetPositionsAsync(_timeout.Token)).Value!;
        Assert.Equal(2, Assert.Single(paper, p => p.Instrument == PaperTrading.Reliance).NetQuantity);
        Assert.Empty(await _second.Services.GetRequiredService<IManualTradeStore>().LoadAsync(_timeout.Token));
    }

    /// <summary>The kernel's RELIANCE position once it holds all the traded units (fills reach it through a queue).</summary>
    private async Task<Position> PositionAsync(LoopbackApp app, int traded)
    {
        var kernel = app.Services.GetRequiredService<TradingKernel>();
        using var portfolio = app.Services.GetRequiredService<KernelEventStreams>().Portfolio.Subscribe(4096);
        var position = await kernel.InvokeAsync(core => core.Positions.Snapshot(core.Now).Positions.SingleOrDefault(p => p.Instrument == PaperTrading.Reliance));
        while (position is null || position.BuyQuantity + position.SellQuantity < traded)
        {
            var snapshot = await portfolio.Reader.ReadAsync(_timeout.Token);
            position = snapshot.Positions.SingleOrDefault(p => p.Instrument == PaperTrading.Reliance);
        }

        return position;
    }
}
