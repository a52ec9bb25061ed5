using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Web.Market;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Tests.Market;

public sealed class OptionChainsCatalogTests
{
    [Fact]
    public void Underlyings_follow_a_catalog_that_loads_late_or_is_replaced()
    {
        // A live scrip master: empty until it has loaded, then replaced by the next day's file.
        var catalog = new SwappableCatalog();
        var chains = new OptionChains(catalog, new MarketState(), new OpenInterestTracker(), TimeProvider.System, Options.Create(new OptionChainOptions()));
        Assert.Empty(chains.Underlyings);

        catalog.Current = new InstrumentCatalog([Call("NIFTY", 1, new DateOnly(2026, 12, 8))]);
        Assert.Equal(["NIFTY"], chains.Underlyings.Select(u => u.Name));
        Assert.Same(chains.Underlyings, chains.Underlyings);

        catalog.Current = new InstrumentCatalog([Call("NIFTY", 1, new DateOnly(2026, 12, 15)), Call("BANKNIFTY", 2, new DateOnly(2026, 12, 29))]);
        Assert.Equal(2, chains.Underlyings.Count);
        Assert.Equal([new DateOnly(2026, 12, 15)], chains.Underlyings.Single(u => u.Name == "NIFTY").Expiries);
    }

    [Fact]
    public void A_scrip_masters_index_named_NIFTY_50_is_the_spot_of_the_NIFTY_chain()
    {
        // Kotak's cash file names the index "NIFTY 50" (name and underlying) while the options' underlying is "NIFTY".
        var index = new Instrument(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY 50", "NIFTY 50", InstrumentType.Index, "NIFTY 50", 1, 0.01m, 0);
        var bank = new Instrument(new InstrumentId(ExchangeSegment.NseCm, 26009), "Nifty Bank", "NIFTY BANK", "NIFTY BANK", InstrumentType.Index, "NIFTY BANK", 1, 0.01m, 0);
        var catalog = new InstrumentCatalog([Call("NIFTY", 1, new DateOnly(2026, 12, 8)), Call("BANKNIFTY", 2, new DateOnly(2026, 12, 29)), index, bank]);

        var chains = new OptionChains(catalog, new MarketState(), new OpenInterestTracker(), TimeProvider.System, Options.Create(new OptionChainOptions()));

        Assert.Equal(
            [("NIFTY", index.Id), ("BANKNIFTY", bank.Id)],
            chains.Underlyings.Select(u => (u.Name, u.Spot!.Value)).OrderBy(u => u.Name.Length));
    }

    private static Instrument Call(string underlying, int token, DateOnly expiry) =>
        new(new InstrumentId(ExchangeSegment.NseFo, token), $"{underlying}{token}CE", underlying, $"{underlying} call", InstrumentType.Option, underlying, 65, 0.05m, 1800,
            expiry, 26000m, OptionType.Call);

    private sealed class SwappableCatalog : IInstrumentCatalog
    {
        public InstrumentCatalog Current { get; set; } = new([]);

        public IReadOnlyList<Instrument> All => Current.All;

        public bool TryGet(InstrumentId id, out Instrument instrument) => Current.TryGet(id, out instrument);

        public bool TryGetBySymbol(string tradingSymbol, out Instrument instrument) => Current.TryGetBySymbol(tradingSymbol, out instrument);

        public IReadOnlyList<Instrument> Search(string query, int limit) => Current.Search(query, limit);
    }
}
