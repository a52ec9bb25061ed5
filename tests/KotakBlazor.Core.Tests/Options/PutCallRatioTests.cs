using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using static KotakBlazor.Core.Tests.Options.TestOptions;

namespace KotakBlazor.Core.Tests.Options;

public class PutCallRatioTests
{
    [Fact]
    public void Ratio_of_put_to_call_open_interest_and_volume_across_the_chain()
    {
        var chain = Chain(
            26040m,
            (25900m, 1_000, 6_000, 20_000, 90_000),
            (26000m, 3_000, 4_000, 150_000, 110_000),
            (26100m, 5_000, 2_000, 120_000, 40_000),
            (26200m, 4_000, 500, 60_000, 10_000));

        // Open interest: puts 6000 + 4000 + 2000 + 500 = 12500; calls 1000 + 3000 + 5000 + 4000 = 13000;
        // 12500 / 13000 = 0.961538...
        var byOi = PutCallRatio.ByOpenInterest(chain);
        Assert.Equal(new PutCallRatio(12_500, 13_000), byOi);
        Assert.Equal(12_500.0 / 13_000.0, byOi.Value!.Value, 12);

        // Volume: puts 90000 + 110000 + 40000 + 10000 = 250000; calls 20000 + 150000 + 120000 + 60000 = 350000;
        // 250000 / 350000 = 0.714285...
        var byVolume = PutCallRatio.ByVolume(chain);
        Assert.Equal(new PutCallRatio(250_000, 350_000), byVolume);
        Assert.Equal(5.0 / 7.0, byVolume.Value!.Value, 12);
    }

    [Fact]
    public void Missing_sides_count_as_zero()
    {
        var call = Quote(Option(26000m, OptionType.Call), openInterest: 400);
        var put = Quote(Option(26100m, OptionType.Put), openInterest: 100);
        var chain = new OptionChainSnapshot("NIFTY", Expiry, 26040m, TestTicks.Ist(10, 0), 0.01, 0.065, 0, [
            new OptionChainRow(26000m, call, null),
            new OptionChainRow(26100m, null, put),
        ]);

        Assert.Equal(0.25, PutCallRatio.ByOpenInterest(chain).Value);
    }

    [Fact]
    public void Ratio_is_undefined_when_the_call_side_is_zero()
    {
        var noCalls = Chain(26040m, (26000m, 0, 4_000, 0, 50), (26100m, 0, 2_000, 0, 10));
        var nothing = Chain(26040m);

        Assert.Null(PutCallRatio.ByOpenInterest(noCalls).Value);
        Assert.Equal(6_000, PutCallRatio.ByOpenInterest(noCalls).PutTotal);
        Assert.Null(PutCallRatio.ByVolume(noCalls).Value);
        Assert.Null(PutCallRatio.ByOpenInterest(nothing).Value);
    }
}
