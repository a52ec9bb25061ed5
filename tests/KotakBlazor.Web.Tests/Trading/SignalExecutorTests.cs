using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Trading;

/// <summary>Signals of auto-executing strategies become orders in the running app, on the paper broker.</summary>
public sealed class SignalExecutorTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;
    private Instrument _reliance = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(configure: TestStrategies.Register);
        await _app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        await MarketWait.UntilTicksFlowAsync(_app);
        Assert.True(_app.Services.GetRequiredService<IInstrumentCatalog>().TryGetBySymbol("RELIANCE-EQ", out _reliance));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_entry_fills_with_its_stop_and_target_resting_and_the_exit_sells_only_what_the_strategy_bought()
    {
        var strategy = await AddStrategyAsync(autoExecute: true);
        var executor = _app.Services.GetRequiredService<SignalExecutor>();
        var orders = _app.Services.GetRequiredService<OrderManager>();
        var ltp = await LastPriceAsync();

        var entered = await executor.ExecuteAsync(Signal(strategy, SignalKind.Entry, OrderSide.Buy, 3, ltp * 0.9m, ltp * 1.1m), CancellationToken.None);

        Assert.Contains("Sent", entered, StringComparison.Ordinal);
        var mine = orders.Orders.Where(o => o.StrategyId == strategy).ToList();
        Assert.Equal(OrderStatus.Filled, Assert.Single(mine, o => o.Purpose == OrderPurpose.Entry).Status);
        var stop = Assert.Single(mine, o => o.Purpose == OrderPurpose.StopLoss);
        var target = Assert.Single(mine, o => o.Purpose == OrderPurpose.Target);
        Assert.Equal((OrderSide.Sell, 3, OrderType.StopLossMarket, OrderStatus.Open), (stop.Side, stop.Quantity, stop.Type, stop.Status));
        Assert.Equal((OrderSide.Sell, 3, OrderType.Limit, OrderStatus.Open), (target.Side, target.Quantity, target.Type, target.Status));
        await HoldsAsync(strategy, 3);

        // The strategy asks to sell 10: it bought 3, so 3 are sold, after its resting orders are cancelled.
        var exited = await executor.ExecuteAsync(Signal(strategy, SignalKind.Exit, OrderSide.Sell, 10, null, null), CancellationToken.None);

        Assert.Contains("Sent", exited, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Cancelled, orders.Find(stop.Id)!.Status);
        Assert.Equal(OrderStatus.Cancelled, orders.Find(target.Id)!.Status);
        var exit = Assert.Single(orders.Orders, o => o.StrategyId == strategy && o.Purpose == OrderPurpose.Exit);
        exit = await orders.WaitForSettledAsync(exit.Id, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal((3, OrderStatus.Filled), (exit.Quantity, exit.Status));
        await HoldsAsync(strategy, 0);
        Assert.Equal("nothing the strategy holds to exit",
            await executor.ExecuteAsync(Signal(strategy, SignalKind.Exit, OrderSide.Sell, 10, null, null, seconds: 1), CancellationToken.None));
    }

    [Fact]
    public async Task A_strategy_that_does_not_auto_execute_places_nothing_and_a_signal_executes_once()
    {
        var manual = await AddStrategyAsync(autoExecute: false);
        var auto = await AddStrategyAsync(autoExecute: true);
        var executor = _app.Services.GetRequiredService<SignalExecutor>();
        var orders = _app.Services.GetRequiredService<OrderManager>();
        var ltp = await LastPriceAsync();

        Assert.Equal("waits for a person", await executor.ExecuteAsync(Signal(manual, SignalKind.Entry, OrderSide.Buy, 1, null, null), CancellationToken.None));
        var signal = Signal(auto, SignalKind.Entry, OrderSide.Buy, 1, null, null);
        await executor.ExecuteAsync(signal, CancellationToken.None);
        var again = await executor.ExecuteAsync(signal, CancellationToken.None);

        Assert.DoesNotContain(orders.Orders, o => o.StrategyId == manual);
        Assert.Single(orders.Orders, o => o.StrategyId == auto);
        Assert.StartsWith("Already placed", again, StringComparison.Ordinal);
        Assert.True(ltp > 0);
    }

    private async Task<Guid> AddStrategyAsync(bool autoExecute)
    {
        var config = new StrategyConfig(Guid.NewGuid(), TestStrategies.EveryBarKey, "auto " + Guid.NewGuid().ToString("N")[..6], [_reliance.Id], Timeframe.OneMinute, 1,
            ProductType.Mis, new Dictionary<string, string>(), Enabled: false, AutoExecute: autoExecute);
        var added = await _app.Services.GetRequiredService<StrategyManager>().AddAsync(config, new ActingUser("trader1", UserRoles.Trader), CancellationToken.None);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        return config.Id;
    }

    private Signal Signal(Guid strategy, SignalKind kind, OrderSide side, int quantity, decimal? stop, decimal? target, int seconds = 0) =>
        new(strategy, "auto", TestStrategies.EveryBarKey, new DateTimeOffset(2026, 12, 4, 5, 0, seconds, TimeSpan.Zero).AddMinutes((int)kind), kind,
            [new SignalLeg(_reliance.Id, _reliance.TradingSymbol, side, quantity, OrderType.Market, 0m)], ProductType.Mis,
            stop is null ? null : _reliance.RoundToTick(stop.Value), target is null ? null : _reliance.RoundToTick(target.Value), 0.5m, "test", new Dictionary<string, string>());

    private async Task<decimal> LastPriceAsync()
    {
        var kernel = _app.Services.GetRequiredService<TradingKernel>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var ticks = _app.Services.GetRequiredService<Core.MarketData.Bus.TickBus>().SubscribeQueue(4096);
        while (await ticks.WaitToReadAsync(timeout.Token))
        {
            while (ticks.TryRead(out Tick tick))
            {
                if (tick.Instrument == _reliance.Id)
                {
                    // Let the kernel see it too before deciding on it.
                    await kernel.InvokeAsync(_ => true);
                    return tick.LastPrice;
                }
            }
        }

        throw new TimeoutException("No RELIANCE tick.");
    }

    /// <summary>Waits (on the portfolio stream, not by sleeping) until the kernel's positions show the strategy holding a quantity.</summary>
    private async Task HoldsAsync(Guid strategy, int quantity)
    {
        var kernel = _app.Services.GetRequiredService<TradingKernel>();
        using var portfolio = _app.Services.GetRequiredService<KernelEventStreams>().Portfolio.Subscribe(4096);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await kernel.InvokeAsync(core => core.Positions.TrackedQuantity(strategy, _reliance.Id)) != quantity)
        {
            await portfolio.Reader.WaitToReadAsync(timeout.Token);
            while (portfolio.Reader.TryRead(out _))
            {
            }
        }
    }
}
