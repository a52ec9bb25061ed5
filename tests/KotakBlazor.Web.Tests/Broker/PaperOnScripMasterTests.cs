using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Market;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary><c>Broker:Mode</c> Paper on a data folder where an earlier Kotak run left a scrip master in the database.</summary>
public sealed class PaperOnScripMasterTests : IAsyncLifetime
{
    private static readonly decimal[] SevenStrikes = [25800m, 25850m, 25900m, 25950m, 26000m, 26050m, 26100m];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private readonly CachedScripMaster _cached = CachedScripMaster.Create();
    private readonly string _dataFolder = LoopbackApp.NewDataFolder();
    private LoopbackApp? _app;

    public Task InitializeAsync() => _cached.SeedAsync(_dataFolder, _timeout.Token);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _timeout.Dispose();
    }

    [Fact]
    public async Task The_simulated_market_quotes_and_the_paper_broker_fills_the_masters_real_contracts()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Simulator:StrikesEachSide"] = "3" }, _dataFolder);
        var catalog = _app.Services.GetRequiredService<IInstrumentCatalog>();

        // NIFTY starts at 25,950: three strikes each side of it on the three nearest live expiries; last week's and the
        // fourth expiry's contracts are not listed.
        Assert.Equal(
            _cached.OptionTokens(_cached.Expiries.Take(3), SevenStrikes).Order(),
            catalog.All.Where(i => i.Type == InstrumentType.Option).Select(i => i.Id.Token).Order());
        Assert.Equal(
            [(ExchangeSegment.NseCm, 2885), (ExchangeSegment.NseCm, 26000), (ExchangeSegment.NseCm, 26009)],
            catalog.All.Where(i => i.Type is InstrumentType.Equity or InstrumentType.Index).Select(i => (i.Id.Segment, i.Id.Token)).Order());
        Assert.All(catalog.All.Where(i => i.Type == InstrumentType.Future), f => Assert.Equal(_cached.Expiries[2], f.Expiry));

        var atmCall = _cached.AtmCall(_cached.Expiries[0]);
        using (var ticks = _app.Services.GetRequiredService<TickBus>().SubscribeQueue(8192))
        {
            var tick = await NextTickAsync(ticks, atmCall);
            Assert.True(tick.LastQuantity > 0 && tick.LastQuantity % 75 == 0, $"{tick.LastQuantity} units is not whole lots of the master's 75");
        }

        await PaperTrading.LastPriceAsync(_app, atmCall, _timeout.Token);
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var oneOldLot = await commands.PreviewAsync(new OrderTicket(atmCall, OrderSide.Buy, 65, OrderType.Market, ProductType.Mis), _timeout.Token);
        Assert.Contains(oneOldLot.Refusals, r => r.Contains("not a multiple of the lot size 75", StringComparison.Ordinal));
        var filled = await PaperTrading.FillAsync(_app, PaperTrading.Admin, atmCall, OrderSide.Buy, 75, _timeout.Token);
        Assert.Equal((OrderStatus.Filled, 75), (filled.Status, filled.FilledQuantity));

        var health = await _app.Services.GetRequiredService<BrokerHealthService>().ReadAsync(_timeout.Token);
        Assert.IsType<PaperBroker>(_app.Services.GetRequiredService<Core.Brokers.IBrokerGateway>());
        Assert.Equal($"Kotak scrip master of {_cached.Day:yyyy-MM-dd} (cached), prices simulated", health.SimulatedInstruments!.Summary);
        var page = await BrokerPageAsync();
        Assert.Contains("data-source=\"scrip-master\"", page, StringComparison.Ordinal);
        Assert.Contains(health.SimulatedInstruments.Summary, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_option_chain_centres_on_the_masters_nifty_50_index()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Simulator:StrikesEachSide"] = "3" }, _dataFolder);
        var chains = _app.Services.GetRequiredService<OptionChains>();
        var nifty = chains.Underlyings.Single(u => u.Name == "NIFTY");

        // The master calls the index "NIFTY 50" and lists its options under "NIFTY": one underlying.
        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 26000), nifty.Spot);
        using (var ticks = _app.Services.GetRequiredService<TickBus>().SubscribeQueue(8192))
        {
            await NextTickAsync(ticks, nifty.Spot!.Value);
        }

        var chain = chains.Build(nifty, _cached.Expiries[0]);
        Assert.NotNull(chain);
        Assert.Equal(SevenStrikes, chain.Rows.Select(r => r.Strike));
    }

    [Fact]
    public async Task With_the_switch_off_paper_mode_keeps_the_built_in_instruments()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Simulator:UseScripMaster"] = "false" }, _dataFolder);
        var catalog = _app.Services.GetRequiredService<IInstrumentCatalog>();

        var options = catalog.All.Where(i => i.Type == InstrumentType.Option).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.True(o.Id.Token > 99_999_999 && o.LotSize == 65, $"{o.TradingSymbol} is not a built-in contract"));
        Assert.False(catalog.TryGet(_cached.AtmCall(_cached.Expiries[0]), out _));
        var health = await _app.Services.GetRequiredService<BrokerHealthService>().ReadAsync(_timeout.Token);
        Assert.Equal(("built-in simulated instruments", "Simulator:UseScripMaster is false"), (health.SimulatedInstruments!.Summary, health.SimulatedInstruments.Detail));
        Assert.Contains("data-source=\"built-in\"", await BrokerPageAsync(), StringComparison.Ordinal);
    }

    /// <summary>The /broker page as a signed-in user's browser first receives it (prerendered).</summary>
    private async Task<string> BrokerPageAsync()
    {
        var (client, _) = await _app!.SignedInClientAsync();
        using (client)
        {
            return await client.GetStringAsync("/broker", _timeout.Token);
        }
    }

    private async Task<Core.MarketData.Tick> NextTickAsync(TickQueueSubscription ticks, InstrumentId instrument)
    {
        while (await ticks.WaitToReadAsync(_timeout.Token))
        {
            while (ticks.TryRead(out var tick))
            {
                if (tick.Instrument == instrument)
                {
                    return tick;
                }
            }
        }

        throw new InvalidOperationException("The tick bus ended.");
    }
}
