using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using static KotakBlazor.Core.Tests.Options.TestOptions;

namespace KotakBlazor.Core.Tests.Options;

public class OptionChainSnapshotTests
{
    [Fact]
    public void Rows_are_sorted_by_strike_and_the_atm_strike_is_the_nearest_to_spot()
    {
        var chain = Chain(26040m, (26100m, 0, 0, 0, 0), (25900m, 0, 0, 0, 0), (26000m, 0, 0, 0, 0));

        Assert.Equal([25900m, 26000m, 26100m], chain.Rows.Select(r => r.Strike));
        Assert.Equal(1, chain.AtmIndex);
        Assert.Equal(26000m, chain.AtmStrike);
        Assert.Equal(26100m, Chain(26051m, (26100m, 0, 0, 0, 0), (26000m, 0, 0, 0, 0)).AtmStrike);
        Assert.Equal(26100m, Chain(99_999m, (26100m, 0, 0, 0, 0), (26000m, 0, 0, 0, 0)).AtmStrike);
    }

    [Fact]
    public void Spot_midway_between_strikes_picks_the_lower()
    {
        Assert.Equal(26000m, Chain(26050m, (26100m, 0, 0, 0, 0), (26000m, 0, 0, 0, 0)).AtmStrike);
    }

    [Fact]
    public void An_empty_chain_has_no_atm_strike()
    {
        var chain = Chain(26040m);

        Assert.Empty(chain.Rows);
        Assert.Equal(-1, chain.AtmIndex);
        Assert.Null(chain.AtmStrike);
    }

    [Fact]
    public void Inconsistent_rows_are_rejected()
    {
        var call = Quote(Option(26000m, OptionType.Call));
        var nextWeek = Quote(Option(26100m, OptionType.Call, Expiry.AddDays(7)));

        Assert.Throws<ArgumentException>(() => Chain(26040m, (26000m, 0, 0, 0, 0), (26000m, 0, 0, 0, 0)));
        Assert.Throws<ArgumentException>(() => new OptionChainSnapshot("NIFTY", Expiry, 26040m, TestTicks.Ist(10, 0), 0.01, 0.065, 0, [new OptionChainRow(26100m, nextWeek, null)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionChainSnapshot("NIFTY", Expiry, 0m, TestTicks.Ist(10, 0), 0.01, 0.065, 0, [new OptionChainRow(26000m, call, null)]));
    }
}
