using System.Net;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>
/// Signing out ends the browser's session and nothing else: an open order stays working at the broker,
/// a running strategy keeps signalling, and the engine keeps trading on ticks.
/// </summary>
public sealed class SignOutKeepsEngineTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        // A 1-minute bar every two seconds, so the strategy signals within the test.
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" }, configure: TestStrategies.Register);

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_open_order_and_a_running_strategy_are_unaffected_by_a_sign_out()
    {
        var admin = PaperTrading.Admin;
        var ltp = await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, _timeout.Token);
        var strategy = new StrategyConfig(Guid.NewGuid(), TestStrategies.EveryBarKey, "keeps running", [PaperTrading.Reliance], Timeframe.OneMinute, 1,
            ProductType.Mis, new Dictionary<string, string>(), Enabled: true);
        Assert.True((await _app.Services.GetRequiredService<StrategyManager>().AddAsync(strategy, admin, _timeout.Token)).Succeeded);
        var limit = decimal.Round(ltp * 0.97m / 0.05m, MidpointRounding.ToZero) * 0.05m;
        var placed = await _app.Services.GetRequiredService<TradingCommands>().PlaceAsync(admin,
            new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Limit, ProductType.Mis, limit), OrderSource.Ticket, Guid.NewGuid().ToString("N"), _timeout.Token);
        Assert.True(placed.Accepted, placed.Message);
        var orders = _app.Services.GetRequiredService<OrderManager>();
        var order = await WaitForStatusAsync(orders, Assert.Single(placed.Orders).Id, OrderStatus.Open);

        var (client, _) = await _app.SignedInClientAsync();
        var page = await client.GetStringAsync("/");
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        client.Dispose();

        // Subscribed after the sign-out: what arrives was raised after it (the next closed bar).
        using var signals = _app.Services.GetRequiredService<KernelEventStreams>().Signals.Subscribe(256);
        while (true)
        {
            await signals.Reader.WaitToReadAsync(_timeout.Token);
            if (signals.Reader.TryRead(out var signal) && signal.StrategyId == strategy.Id)
            {
                break;
            }
        }

        Assert.Equal(OrderStatus.Open, orders.Find(order.Id)!.Status);
        Assert.Equal(OrderStatus.Open, (await _app.Services.GetRequiredService<IOrderStore>().FindAsync(order.Id, _timeout.Token))!.Status);
        var status = Assert.Single(_app.Services.GetRequiredService<StrategyManager>().Strategies, s => s.Id == strategy.Id);
        Assert.True(status.Enabled);
        Assert.Null(status.Error);
        Assert.False(_app.Services.GetRequiredService<KillSwitchService>().State.IsTripped);
        Assert.Contains(await _app.Services.GetRequiredService<AuditLog>().RecentAsync(10, _timeout.Token), a => a.Actor == "admin" && a.Action == "auth.sign-out");
    }

    private async Task<Order> WaitForStatusAsync(OrderManager orders, Guid id, OrderStatus status)
    {
        using var changes = orders.Changes.Subscribe(256);
        while (orders.Find(id) is not { } order || order.Status != status)
        {
            await changes.Reader.WaitToReadAsync(_timeout.Token);
            while (changes.Reader.TryRead(out _))
            {
            }
        }

        return orders.Find(id)!;
    }
}
