using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;
using static KotakBlazor.Core.Tests.Options.TestOptions;

namespace KotakBlazor.Core.Tests.Options;

public class OptionChainRowTests
{
    [Fact]
    public void Each_side_must_be_the_option_of_its_type_at_the_row_strike()
    {
        var call = Quote(Option(26000m, OptionType.Call));
        var put = Quote(Option(26000m, OptionType.Put));

        var row = new OptionChainRow(26000m, call, put);

        Assert.Same(call, row.Call);
        Assert.Same(put, row.Put);
        Assert.Throws<ArgumentException>(() => new OptionChainRow(26000m, put, null));
        Assert.Throws<ArgumentException>(() => new OptionChainRow(26000m, null, call));
        Assert.Throws<ArgumentException>(() => new OptionChainRow(26100m, call, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionChainRow(0m, null, null));
    }
}
