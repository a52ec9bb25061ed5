using KotakBlazor.Core.Brokers;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Hubs;

/// <summary>Orders from hub clients: the same checks as the ticket, roles checked on the server, updates streamed back.</summary>
public sealed class HubOrderTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await _app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(_timeout.Token);
        await MarketWait.UntilTicksFlowAsync(_app, ticks: 200);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_trader_bot_places_an_order_and_receives_its_updates_and_the_portfolio()
    {
        await using var client = await ConnectAsync(UserRoles.Trader);

        var completion = await client.InvokeAsync("PlaceOrder",
            [new { instrument = "RELIANCE-EQ", side = "BUY", quantity = 2, type = "MKT", product = "MIS", idempotencyKey = "bot-1" }], _timeout.Token);

        var result = completion["result"]!;
        Assert.True((bool)result["accepted"]!, (string?)result["message"]);
        var brokerId = (string?)result["orders"]![0]!["brokerOrderId"];
        Assert.False(string.IsNullOrEmpty(brokerId));
        var filled = await client.ReceiveAsync(m => (string?)m["target"] == "Order" && (string?)m["arguments"]![0]!["status"] == "Filled", _timeout.Token);
        Assert.Equal(brokerId, (string?)filled["arguments"]![0]!["brokerOrderId"]);
        Assert.Equal("Hub", (string?)filled["arguments"]![0]!["source"]);
        await client.ReceiveAsync(m => (string?)m["target"] == "Portfolio" && (int)m["arguments"]![0]!["openPositionCount"]! >= 1, _timeout.Token);

        // The same key again (a bot resending after a dropped connection): nothing new.
        var again = await client.InvokeAsync("PlaceOrder",
            [new { instrument = "RELIANCE-EQ", side = "BUY", quantity = 2, type = "MKT", product = "MIS", idempotencyKey = "bot-1" }], _timeout.Token);
        Assert.StartsWith("Already placed", (string?)again["result"]!["message"], StringComparison.Ordinal);
        var book = (await _app.Services.GetRequiredService<IBrokerGateway>().GetOrderBookAsync(_timeout.Token)).Value!;
        Assert.Single(book, o => o.BrokerOrderId == brokerId);
        Assert.Single(book);
    }

    [Fact]
    public async Task A_viewer_key_and_unreadable_orders_are_refused_and_nothing_is_placed()
    {
        await using var viewer = await ConnectAsync(UserRoles.Viewer);
        await using var trader = await ConnectAsync(UserRoles.Trader);

        var refused = await viewer.InvokeAsync("PlaceOrder", [new { instrument = "RELIANCE-EQ", side = "BUY", quantity = 1, type = "MKT", product = "MIS" }], _timeout.Token);
        var unknown = await trader.InvokeAsync("PlaceOrder", [new { instrument = "NOSUCH-EQ", side = "BUY", quantity = 1, type = "MKT", product = "MIS" }], _timeout.Token);
        var garbled = await trader.InvokeAsync("PlaceOrder", [new { instrument = "RELIANCE-EQ", side = "HOLD", quantity = 1, type = "FAST", product = "MIS" }], _timeout.Token);
        var zero = await trader.InvokeAsync("PlaceOrder", [new { instrument = "RELIANCE-EQ", side = "SELL", quantity = 0, type = "MKT", product = "MIS" }], _timeout.Token);

        Assert.Contains("may not place orders", (string?)refused["result"]!["message"], StringComparison.Ordinal);
        Assert.Contains("Unknown instrument 'NOSUCH-EQ'", (string?)unknown["result"]!["message"], StringComparison.Ordinal);
        Assert.Contains("side 'HOLD' must be BUY or SELL", (string?)garbled["result"]!["message"], StringComparison.Ordinal);
        Assert.Contains("type 'FAST'", (string?)garbled["result"]!["message"], StringComparison.Ordinal);
        Assert.Contains("Quantity 0 must be positive", (string?)zero["result"]!["message"], StringComparison.Ordinal);
        Assert.All([refused, unknown, garbled, zero], c => Assert.False((bool)c["result"]!["accepted"]!));
        Assert.Empty((await _app.Services.GetRequiredService<IBrokerGateway>().GetOrderBookAsync(_timeout.Token)).Value!);
    }

    private async Task<HubWireClient> ConnectAsync(string role)
    {
        var (_, key) = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("bot-" + role, role, "admin", _timeout.Token);
        return await HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: key, cancellationToken: _timeout.Token);
    }
}
