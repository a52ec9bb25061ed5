using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Hosting;
using KotakBlazor.Web.Market;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>Which option-chain contracts the Kotak modes stream, on a catalog read from scrip-master rows.</summary>
public sealed class OptionChainWindowTests
{
    private static readonly DateOnly LastWeek = new(2026, 12, 1);
    private static readonly DateOnly Today = new(2026, 12, 8);
    private static readonly DateOnly NextWeek = new(2026, 12, 15);
    private static readonly DateOnly InTwoWeeks = new(2026, 12, 22);

    // Tuesday 8 Dec 2026, an expiry day, in the session.
    private static readonly DateTimeOffset Morning = IndianMarketTime.AtIst(Today, new TimeOnly(10, 0));
    private static readonly InstrumentId Nifty50 = new(ExchangeSegment.NseCm, 26000);
    private static readonly InstrumentId FinNifty = new(ExchangeSegment.NseCm, 26037);
    private static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);

    private readonly MarketState _state = new();
    private ScripMasterDay _master = null!;
    private InstrumentCatalog _catalog = null!;

    [Fact]
    public async Task Before_an_index_has_a_price_only_the_indices_stream()
    {
        var window = await WindowAsync(expiries: 2, strikesEachSide: 2);

        // NIFTY lists the most contracts, so its index comes first; RELIANCE's chain is a stock's and never streams.
        Assert.Equal([Nifty50, FinNifty], window.Wanted(Morning).Select(i => i.Id));
    }

    [Fact]
    public async Task Around_the_price_the_nearest_expiries_stream_at_the_money_outwards()
    {
        var window = await WindowAsync(expiries: 2, strikesEachSide: 2);
        Price(Nifty50, 25962.40m);
        Price(Reliance, 1400m);

        // 25,950 is nearest 25,962.40; last week's contracts are expired, the 22 Dec ones beyond the two expiries.
        Assert.Equal(
            [Nifty50, FinNifty, .. Strikes(Today, 25950m, 25900m, 26000m, 25850m, 26050m), .. Strikes(NextWeek, 25950m, 25900m, 26000m, 25850m, 26050m)],
            window.Wanted(Morning).Select(i => i.Id));
    }

    [Fact]
    public async Task The_window_follows_the_price()
    {
        var window = await WindowAsync(expiries: 1, strikesEachSide: 2);
        Price(Nifty50, 25962.40m);
        window.Wanted(Morning);

        Price(Nifty50, 26180m);

        // 26,200 is 20 away, 26,150 is 30 away.
        Assert.Equal([Nifty50, FinNifty, .. Strikes(Today, 26200m, 26150m, 26250m, 26100m, 26300m)], window.Wanted(Morning).Select(i => i.Id));
    }

    [Fact]
    public async Task After_the_close_on_expiry_day_the_next_expiries_take_its_place()
    {
        var window = await WindowAsync(expiries: 2, strikesEachSide: 0);
        Price(Nifty50, 25962.40m);

        Assert.Equal(
            [Nifty50, FinNifty, .. Strikes(NextWeek, 25950m), .. Strikes(InTwoWeeks, 25950m)],
            window.Wanted(IndianMarketTime.AtIst(Today, new TimeOnly(15, 45))).Select(i => i.Id));
    }

    [Fact]
    public async Task Past_the_last_listed_strike_the_window_keeps_the_strikes_there_are()
    {
        var window = await WindowAsync(expiries: 1, strikesEachSide: 2);
        Price(Nifty50, 27400m);

        Assert.Equal([Nifty50, FinNifty, .. Strikes(Today, 26500m, 26450m, 26400m)], window.Wanted(Morning).Select(i => i.Id));
    }

    [Fact]
    public async Task No_expiries_streams_the_indices_alone_and_a_negative_setting_is_refused()
    {
        var window = await WindowAsync(expiries: 0, strikesEachSide: 10);
        Price(Nifty50, 25962.40m);

        Assert.Equal([Nifty50, FinNifty], window.Wanted(Morning).Select(i => i.Id));
        Assert.Throws<StartupConfigurationException>(() => Window(expiries: 2, strikesEachSide: -1));
    }

    /// <summary>NIFTY 50, NIFTY FIN SERVICE and RELIANCE-EQ; NIFTY options 25,500-26,500 every 50 on four expiries; FINNIFTY and RELIANCE options on one.</summary>
    private async Task<OptionChainWindow> WindowAsync(int expiries, int strikesEachSide)
    {
        _master = new ScripMasterDay()
            .WithCash(ScripMasterCsvSamples.Nifty50Index, ScripMasterCsvSamples.FinNiftyIndex, ScripMasterCsvSamples.RelianceEquity)
            .WithOptions("NIFTY", LastWeek, 25500m, 26500m, 50m)
            .WithOptions("NIFTY", Today, 25500m, 26500m, 50m)
            .WithOptions("NIFTY", NextWeek, 25500m, 26500m, 50m)
            .WithOptions("NIFTY", InTwoWeeks, 25500m, 26500m, 50m)
            .WithOptions("FINNIFTY", Today, 26000m, 28000m, 100m, lotSize: 60)
            .WithOptions("RELIANCE", Today, 1300m, 1500m, 20m, lotSize: 500);
        _catalog = new InstrumentCatalog(await _master.InstrumentsAsync());
        return Window(expiries, strikesEachSide);
    }

    private OptionChainWindow Window(int expiries, int strikesEachSide)
    {
        var chains = new OptionChains(_catalog, _state, new OpenInterestTracker(), TimeProvider.System, Options.Create(new OptionChainOptions()));
        return new OptionChainWindow(chains, _catalog, _state, Options.Create(new BrokerOptions { ChainExpiries = expiries, ChainStrikesEachSide = strikesEachSide }));
    }

    private void Price(InstrumentId instrument, decimal price) => _state.Update(new Tick(instrument, price, 0, 0, 0, 0m, 0m, 0m, Morning));

    private IEnumerable<InstrumentId> Strikes(DateOnly expiry, params decimal[] strikes) =>
        strikes.SelectMany(strike => new[] { OptionType.Call, OptionType.Put }
            .Select(type => new InstrumentId(ExchangeSegment.NseFo, _master.Token("NIFTY", expiry, strike, type))));
}
