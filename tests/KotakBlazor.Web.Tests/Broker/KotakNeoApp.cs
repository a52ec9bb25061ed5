using KotakBlazor.Core.Execution;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// The real app in a Kotak mode against <see cref="FakeKotakBroker"/>, with the waits the broker tests share:
/// every wait awaits an event of the app or of the fake (a frame, a tick, a status, an order change), never a timer.
/// </summary>
internal sealed class KotakNeoApp : IAsyncDisposable
{
    public static readonly ActingUser Admin = new("admin", UserRoles.Admin);

    private bool _stopped;

    private KotakNeoApp(FakeKotakBroker fake, LoopbackApp app, CancellationToken timeout)
    {
        Fake = fake;
        App = app;
        Timeout = timeout;
    }

    public FakeKotakBroker Fake { get; }

    public LoopbackApp App { get; }

    public CancellationToken Timeout { get; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="settings">App settings on top of the fake's.</param>
    public static async Task<KotakNeoApp> StartAsync(
        CancellationToken timeout, string mode = "KotakNeo", FakeKotakBroker? fake = null, string? dataFolder = null, IDictionary<string, string>? settings = null)
    {
        fake ??= await FakeKotakBroker.StartAsync();
        var all = fake.Settings(mode);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = await LoopbackApp.StartAsync(all, dataFolder);
        await app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(timeout);
        return new KotakNeoApp(fake, app, timeout);
    }

    /// <summary>Saves the fake account's credentials and logs in, as an admin does on the settings page.</summary>
    public async Task LogInAsync()
    {
        var settings = Get<BrokerSettingsService>();
        var saved = await settings.SaveAsync(Admin, Fake.Credentials, Timeout);
        Assert.True(saved.Succeeded, saved.Message);
        var login = await settings.LogInAsync(Admin, Timeout);
        Assert.True(login.Succeeded, login.Message);
    }

    /// <summary>Waits until the app has asked the fake SFeed for RELIANCE-EQ on its current connection.</summary>
    public Task RelianceSubscribedAsync() =>
        Fake.Feeds.SFeed.ControlFrames.WaitUntilAsync(frames =>
            frames.Any(f => f.Connection == Fake.Feeds.SFeed.Connections.Count && f.Text.Contains("subscribeScrips", StringComparison.Ordinal) && f.Text.Contains("nse_cm|2885", StringComparison.Ordinal)));

    /// <summary>Pushes RELIANCE ticks from the fake SFeed until the risk engine knows the price (each push awaited on the tick bus).</summary>
    public async Task<decimal> PriceKnownAsync(decimal price)
    {
        await RelianceSubscribedAsync();
        var commands = Get<TradingCommands>();
        using var ticks = Get<TickBus>().SubscribeQueue(4096);
        var at = DateTimeOffset.UtcNow;
        for (var push = 1; ; push++)
        {
            await Fake.PushRelianceTickAsync(price, at.AddSeconds(push));
            await NextRelianceTickAsync(ticks);
            var preview = await commands.PreviewAsync(new OrderTicket(Fake.Reliance.Id, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis), Timeout);
            if (preview.LastPrice is { } ltp)
            {
                return ltp;
            }
        }
    }

    /// <summary>Waits for the order feed to be connected for the <paramref name="connection"/>-th time.</summary>
    public async Task OrderFeedConnectedAsync(int connection)
    {
        var feed = Get<KotakOrderFeed>();
        using var changes = feed.StatusChanged.Subscribe(256);
        while (!(feed.Status.State == KotakFeedState.Connected && feed.Status.ReconnectCount >= connection - 1))
        {
            await changes.Reader.ReadAsync(Timeout);
        }
    }

    /// <summary>Waits until the desk shows the order in <paramref name="status"/>.</summary>
    public async Task<Order> OrderInAsync(Guid id, OrderStatus status)
    {
        var orders = Get<OrderManager>();
        using var changes = orders.Changes.Subscribe(4096);
        while (orders.Find(id) is not { } order || order.Status != status)
        {
            await changes.Reader.ReadAsync(Timeout);
        }

        return orders.Find(id)!;
    }

    /// <summary>Waits for the fill of an order on a subscription made before it could arrive (the fill follows the order's Filled row).</summary>
    public async Task<Fill> FillOfAsync(Core.Messaging.EventStream<Fill>.Subscription fills, Guid orderId)
    {
        while (true)
        {
            var fill = await fills.Reader.ReadAsync(Timeout);
            if (fill.OrderId == orderId)
            {
                return fill;
            }
        }
    }

    public async Task<Order> PlaceAsync(OrderTicket ticket)
    {
        var outcome = await Get<TradingCommands>().PlaceAsync(Admin, ticket, OrderSource.Ticket, Guid.NewGuid().ToString("N"), Timeout);
        Assert.True(outcome.Accepted, outcome.Message);
        return Assert.Single(outcome.Orders);
    }

    /// <summary>Stops the app, keeping its data folder (and the fake), to read its logs or start it again.</summary>
    public async Task StopAppAsync()
    {
        _stopped = true;
        await App.StopKeepingDataAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            TryDelete(App.DataFolder);
        }
        else
        {
            await App.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task NextRelianceTickAsync(TickQueueSubscription ticks)
    {
        while (await ticks.WaitToReadAsync(Timeout))
        {
            while (ticks.TryRead(out var tick))
            {
                if (tick.Instrument == Fake.Reliance.Id)
                {
                    return;
                }
            }
        }
    }
}
