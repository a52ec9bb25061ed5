using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Web.Components.Strategies;

namespace KotakBlazor.Web.Tests.Strategies;

public sealed class SignalBuilderLinkTests
{
    private static readonly Guid StrategyId = Guid.Parse("6f0c8f52-1b0e-4c55-9b55-0d5e1f3c2a10");

    private static readonly InstrumentCatalog Catalog = new(
    [
        Option(1, 26200m, OptionType.Call), Option(2, 25800m, OptionType.Put),
        Option(3, 26000m, OptionType.Call), Option(4, 26000m, OptionType.Put),
        Option(5, 26400m, OptionType.Call), Option(6, 25600m, OptionType.Put),
    ]);

    [Fact]
    public void A_strangle_signal_opens_the_builder_with_its_width_lots_and_expiry()
    {
        var signal = Signal("straddle-strangle", SignalKind.Entry, (1, OrderSide.Sell, 130), (2, OrderSide.Sell, 130));

        Assert.Equal($"/strangle?kind=ShortStrangle&points=200&underlying=NIFTY&expiry=2026-12-08&lots=2&product=Nrml&strategy={StrategyId}&name=My%20strangle",
            SignalBuilderLink.For(signal, Catalog));
    }

    [Fact]
    public void Equal_strikes_are_a_straddle_and_a_condor_carries_its_wings()
    {
        var straddle = Signal("straddle-strangle", SignalKind.Entry, (3, OrderSide.Sell, 65), (4, OrderSide.Sell, 65));
        var condor = Signal("iron-condor", SignalKind.Entry, (5, OrderSide.Buy, 65), (6, OrderSide.Buy, 65), (1, OrderSide.Sell, 65), (2, OrderSide.Sell, 65));

        Assert.StartsWith("/strangle?kind=ShortStraddle&points=0&", SignalBuilderLink.For(straddle, Catalog), StringComparison.Ordinal);
        Assert.StartsWith("/strangle?kind=IronCondor&points=200&wings=200&", SignalBuilderLink.For(condor, Catalog), StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_single_legs_unknown_instruments_and_other_strategies_get_no_link()
    {
        Assert.Null(SignalBuilderLink.For(Signal("straddle-strangle", SignalKind.Exit, (1, OrderSide.Buy, 65), (2, OrderSide.Buy, 65)), Catalog));
        Assert.Null(SignalBuilderLink.For(Signal("straddle-strangle", SignalKind.Entry, (1, OrderSide.Sell, 65)), Catalog));
        Assert.Null(SignalBuilderLink.For(Signal("straddle-strangle", SignalKind.Entry, (1, OrderSide.Sell, 65), (99, OrderSide.Sell, 65)), Catalog));
        Assert.Null(SignalBuilderLink.For(Signal("ema-crossover", SignalKind.Entry, (1, OrderSide.Buy, 65), (2, OrderSide.Buy, 65)), Catalog));
    }

    private static Instrument Option(int token, decimal strike, OptionType type) =>
        new(new InstrumentId(ExchangeSegment.NseFo, token), $"NIFTY26D08{strike:0}{(type == OptionType.Call ? "CE" : "PE")}", "NIFTY", "NIFTY option",
            InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, new DateOnly(2026, 12, 8), strike, type);

    private static Signal Signal(string key, SignalKind kind, params (int Token, OrderSide Side, int Quantity)[] legs) =>
        new(StrategyId, "My strangle", key, DateTimeOffset.UnixEpoch, kind,
            [.. legs.Select(l => new SignalLeg(new InstrumentId(ExchangeSegment.NseFo, l.Token), "SYM", l.Side, l.Quantity, OrderType.Market, 100m))],
            ProductType.Nrml, null, null, 0.5m, "test", new Dictionary<string, string>());
}
