using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

public sealed class ScripMasterCatalogTests
{
    private static readonly Instrument NseReliance = new(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE", "RELIANCE", "Reliance", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    private static readonly Instrument BseReliance = new(new InstrumentId(ExchangeSegment.BseCm, 500325), "reliance", "RELIANCE", "Reliance", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    private static readonly Instrument Tcs = new(new InstrumentId(ExchangeSegment.NseCm, 11536), "TCS-EQ", "TCS", "TCS", InstrumentType.Equity, "TCS", 1, 0.10m, 0);

    [Fact]
    public void It_is_empty_and_dayless_until_a_day_is_loaded()
    {
        var catalog = new ScripMasterCatalog();

        Assert.Empty(catalog.All);
        Assert.Null(catalog.Day);
        Assert.False(catalog.TryGetBySymbol("TCS-EQ", out _));
    }

    [Fact]
    public void A_trading_symbol_two_segments_share_stays_with_the_first_segment_loaded()
    {
        var catalog = new ScripMasterCatalog();

        var dropped = catalog.Replace(new DateOnly(2026, 9, 21), [NseReliance, Tcs, BseReliance, Tcs]);

        Assert.Equal([BseReliance, Tcs], dropped);
        Assert.Equal([NseReliance, Tcs], catalog.All);
        Assert.True(catalog.TryGetBySymbol("RELIANCE", out var reliance));
        Assert.Equal(ExchangeSegment.NseCm, reliance.Id.Segment);
        Assert.Equal(new DateOnly(2026, 9, 21), catalog.Day);
    }

    [Fact]
    public void A_new_day_replaces_every_instrument()
    {
        var catalog = new ScripMasterCatalog();
        catalog.Replace(new DateOnly(2026, 9, 21), [NseReliance]);

        catalog.Replace(new DateOnly(2026, 9, 22), [Tcs]);

        Assert.Equal([Tcs], catalog.All);
        Assert.False(catalog.TryGet(NseReliance.Id, out _));
        Assert.Equal(new DateOnly(2026, 9, 22), catalog.Day);
    }
}
