using KotakBlazor.Core.Options;
using static KotakBlazor.Core.Tests.Options.TestOptions;

namespace KotakBlazor.Core.Tests.Options;

public class MaxPainTests
{
    [Fact]
    public void Max_pain_is_the_strike_where_option_buyers_collect_least()
    {
        // Strike: call OI / put OI = 25900: 1000/6000, 26000: 3000/4000, 26100: 5000/2000, 26200: 4000/500.
        // Payout if NIFTY settles at
        //   25900: calls 0;                                   puts 4000·100 + 2000·200 + 500·300 = 950,000
        //   26000: calls 1000·100 = 100,000;                  puts 2000·100 + 500·200 = 300,000   -> 400,000
        //   26100: calls 1000·200 + 3000·100 = 500,000;       puts 500·100 = 50,000               -> 550,000
        //   26200: calls 1000·300 + 3000·200 + 5000·100 = 1,400,000; puts 0                      -> 1,400,000
        // The least is 400,000 at 26000.
        var chain = Chain(
            26140m,
            (26200m, 4_000, 500, 0, 0),
            (25900m, 1_000, 6_000, 0, 0),
            (26100m, 5_000, 2_000, 0, 0),
            (26000m, 3_000, 4_000, 0, 0));

        Assert.Equal(950_000m, MaxPain.PayoutAt(chain, 25900m));
        Assert.Equal(550_000m, MaxPain.PayoutAt(chain, 26100m));
        Assert.Equal(1_400_000m, MaxPain.PayoutAt(chain, 26200m));
        Assert.Equal(new MaxPainResult(26000m, 400_000m), MaxPain.Find(chain));
    }

    [Fact]
    public void Payout_between_strikes_is_linear()
    {
        var chain = Chain(26040m, (26000m, 3_000, 4_000, 0, 0), (26100m, 5_000, 2_000, 0, 0));

        // At 26050: the 26000 call pays 3000·50 and the 26100 put pays 2000·50.
        Assert.Equal(250_000m, MaxPain.PayoutAt(chain, 26050m));
    }

    [Fact]
    public void A_tie_goes_to_the_lower_strike()
    {
        // 100 call OI 10 and 110 put OI 10: settling at 100 pays the put 10·10 = 100, at 110 the call 10·10 = 100.
        var chain = Chain(105m, (110m, 0, 10, 0, 0), (100m, 10, 0, 0, 0));

        Assert.Equal(new MaxPainResult(100m, 100m), MaxPain.Find(chain));
    }

    [Fact]
    public void No_open_interest_has_no_max_pain()
    {
        Assert.Null(MaxPain.Find(Chain(26040m)));
        Assert.Null(MaxPain.Find(Chain(26040m, (26000m, 0, 0, 500, 500), (26100m, 0, 0, 10, 10))));
    }
}
