using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Tests.Strategies.BuiltIn;

namespace KotakBlazor.Core.Tests.Strategies;

public sealed class StrategySettingsTests
{
    // Kotak's scrip master names the index "NIFTY 50" (name and underlying) and its options' underlying "NIFTY".
    private static readonly Instrument MasterNifty = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY 50", "NIFTY 50", InstrumentType.Index, "NIFTY 50", 1, 0.01m, 0);
    private static readonly Instrument MasterFinNifty = new(new InstrumentId(ExchangeSegment.NseCm, 26037), "Nifty Fin Service", "NIFTY FIN SERVICE", "NIFTY FIN SERVICE", InstrumentType.Index, "NIFTY FIN SERVICE", 1, 0.01m, 0);

    [Fact]
    public void An_options_strategy_on_a_scrip_masters_index_finds_its_options_by_their_underlying_name()
    {
        var definition = BuiltInStrategies.All.Single(d => d.Key == "straddle-strangle");
        var catalog = new InstrumentCatalog([MasterNifty, MasterFinNifty, .. OptionTestMarket.Options]);

        Assert.True(
            StrategySettings.TryCreate(definition, StrategyTestMarket.Config(definition, MasterNifty), catalog, out _, out var errors),
            string.Join("; ", errors));
        Assert.False(StrategySettings.TryCreate(definition, StrategyTestMarket.Config(definition, MasterFinNifty), catalog, out _, out errors));
        Assert.Contains("Nifty Fin Service has no listed options.", errors);
    }
}
