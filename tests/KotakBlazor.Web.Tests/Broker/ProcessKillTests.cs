using System.Net;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// The crash the write-ahead intent exists for, with a real process: the app (KotakNeo mode, against the fake
/// Kotak on loopback) is killed between storing an order's intent and the broker's acknowledgement, the broker
/// takes the order anyway, and the restarted app finds it by its tag. Exactly one order at the broker, exactly
/// one in the app, none lost, none doubled.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private readonly string _dataFolder = LoopbackApp.NewDataFolder();
    private FakeKotakBroker _fake = null!;
    private AppChildProcess? _child;
    private LoopbackApp? _restarted;

    public async Task InitializeAsync()
    {
        _fake = await FakeKotakBroker.StartAsync();

        // An admin saved the credentials on an earlier run (encrypted with the data folder's keys).
        var first = await LoopbackApp.StartAsync(_fake.Settings(), _dataFolder);
        Assert.True((await first.Services.GetRequiredService<BrokerSettingsService>().SaveAsync(KotakNeoApp.Admin, _fake.Credentials, _timeout.Token)).Succeeded);
        await first.StopKeepingDataAsync();
    }

    public async Task DisposeAsync()
    {
        if (_child is not null)
        {
            await _child.DisposeAsync();
        }

        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        await _fake.DisposeAsync();
        _timeout.Dispose();
    }

    /// <param name="brokerActedBeforeTheKill">False: the request reached the broker, which acts only after the app died; true: the broker placed it and its answer was lost.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Killed_between_the_intent_and_the_acknowledgement_the_restarted_app_adopts_the_one_order_by_its_tag(bool brokerActedBeforeTheKill)
    {
        var when = brokerActedBeforeTheKill ? FakeFault.SlowAfterActing : FakeFault.SlowBeforeActing;
        _child = AppChildProcess.Start(_dataFolder, _fake.Settings());
        await _child.LineAsync("Trading ready", _timeout.Token);
        await _child.LineAsync("Scrip master for", _timeout.Token);
        // Hosted services start before Kestrel listens: "Trading ready" can come first.
        await _child.LineAsync("Now listening on", _timeout.Token);
        await using var hub = await SignedInHubAsync(_child.BaseAddress);

        // The fake holds the place request (before or after acting on it) until the app is dead.
        var atBroker = new TaskCompletionSource<FakeOrder>(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.Rest.Exchange.OrderChanged += order => atBroker.TrySetResult(order);
        _fake.Rest.Faults.Next(when, "/quick/order/rule/ms/place");
        var stalled = _fake.Rest.Faults.Stalled;
        var sending = hub.InvokeAsync("PlaceOrder",
            [new { instrument = "RELIANCE-EQ", side = "BUY", quantity = 5, type = "L", product = "MIS", price = 1400.00m, idempotencyKey = "kill-1" }], _timeout.Token);
        await stalled.WaitAsync(_timeout.Token);
        var held = Assert.Single(_fake.Rest.Requests, r => r.Path == "/quick/order/rule/ms/place");
        var tag = System.Text.Json.JsonDocument.Parse(held.JData!).RootElement.GetProperty("ig").GetString()!;

        await _child.KillAsync();
        _fake.Rest.Faults.Release();
        var order = await atBroker.Task.WaitAsync(_timeout.Token);
        await Assert.ThrowsAnyAsync<Exception>(() => sending);
        Assert.Equal(tag, order.Tag);

        _restarted = await LoopbackApp.StartAsync(_fake.Settings(), _dataFolder);
        await _restarted.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(_timeout.Token);

        var atFake = Assert.Single(_fake.Rest.Exchange.Orders());
        var desk = _restarted.Services.GetRequiredService<OrderManager>();
        var local = Assert.Single(desk.Orders);
        var stored = Assert.Single(await _restarted.Services.GetRequiredService<IOrderStore>().QueryAsync(new OrderQuery(Since: DateTimeOffset.UtcNow.AddDays(-1)), _timeout.Token));
        Assert.Equal((tag, atFake.Id, 5, OrderSource.Hub), (local.Tag, local.BrokerOrderId, local.Quantity, local.Source));
        Assert.Equal((local.Id, local.BrokerOrderId), (stored.Id, stored.BrokerOrderId));
        Assert.Equal(OrderStatus.Filled, (await desk.WaitForSettledAsync(local.Id, TimeSpan.FromSeconds(30), _timeout.Token)).Status);
        var events = await _restarted.Services.GetRequiredService<IOrderStore>().LoadEventsAsync(local.Id, _timeout.Token);
        Assert.Equal(OrderStatus.PendingSubmit, events[0].To);
        // The acknowledgement never arrived: the order was found by its tag in the broker's book.
        Assert.DoesNotContain(events, e => e.Detail.StartsWith("Accepted by the broker", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Actor == "reconciliation" && e.From == OrderStatus.PendingSubmit);

        // The same button pressed again after the restart (same idempotency key): still one order, at the broker and here.
        var again = await _restarted.Services.GetRequiredService<TradingCommands>().PlaceAsync(KotakNeoApp.Admin,
            new OrderTicket(_fake.Reliance.Id, OrderSide.Buy, 5, OrderType.Limit, ProductType.Mis, LimitPrice: 1400.00m), OrderSource.Hub, "hub:kill-1", _timeout.Token);
        Assert.True(again.AlreadyPlaced, again.Message);
        Assert.Single(_fake.Rest.Exchange.Orders());
        Assert.Single(desk.Orders);
    }

    private static async Task<HubWireClient> SignedInHubAsync(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = baseAddress };
        var page = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(page),
            ["Input.UserName"] = "admin",
            ["Input.Password"] = LoopbackApp.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await HubWireClient.ConnectAsync(baseAddress, cookies: cookies);
    }
}
