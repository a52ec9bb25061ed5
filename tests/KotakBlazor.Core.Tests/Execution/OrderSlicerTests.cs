using KotakBlazor.Core.Execution;

namespace KotakBlazor.Core.Tests.Execution;

public sealed class OrderSlicerTests
{
    [Fact]
    public void Order_within_the_freeze_quantity_is_one_slice()
    {
        Assert.Equal([650], OrderSlicer.Slice(650, 65, 1800));
    }

    [Fact]
    public void Freeze_that_is_not_a_lot_multiple_slices_at_the_largest_lot_multiple_below_it()
    {
        // 1800 / 65 = 27 lots (1755 units); 3900 = 2 x 1755 + 390.
        var slices = OrderSlicer.Slice(3900, 65, 1800);

        Assert.Equal([1755, 1755, 390], slices);
        Assert.Equal(3900, slices.Sum());
        Assert.All(slices, s => Assert.Equal(0, s % 65));
    }

    [Fact]
    public void Exact_multiple_of_the_freeze_quantity_has_no_remainder_slice()
    {
        Assert.Equal([1800, 1800, 1800], OrderSlicer.Slice(5400, 75, 1800));
    }

    [Fact]
    public void Quantity_equal_to_the_freeze_quantity_is_one_slice()
    {
        Assert.Equal([1800], OrderSlicer.Slice(1800, 75, 1800));
    }

    [Fact]
    public void Zero_freeze_means_no_exchange_limit()
    {
        Assert.Equal([100_000], OrderSlicer.Slice(100_000, 1, 0));
    }

    [Fact]
    public void Lots_per_slice_caps_below_the_freeze_quantity()
    {
        // 10 lots of 75 = 750 per slice; 1800 = 750 + 750 + 300.
        Assert.Equal([750, 750, 300], OrderSlicer.Slice(1800, 75, 1800, maxLotsPerSlice: 10));
    }

    [Fact]
    public void Freeze_quantity_caps_below_the_lots_per_slice()
    {
        // 50 lots would be 3750, but the freeze allows 24 lots (1800).
        Assert.Equal([1800, 1200], OrderSlicer.Slice(3000, 75, 1800, maxLotsPerSlice: 50));
    }

    [Fact]
    public void Lots_per_slice_alone_slices_when_there_is_no_freeze()
    {
        Assert.Equal([2, 2, 1], OrderSlicer.Slice(5, 1, 0, maxLotsPerSlice: 2));
    }

    [Theory]
    [InlineData(3900, 65, 1800, 0, 3)]
    [InlineData(5400, 75, 1800, 0, 3)]
    [InlineData(75, 75, 1800, 0, 1)]
    [InlineData(1800, 75, 1800, 10, 3)]
    [InlineData(100_000, 1, 0, 0, 1)]
    public void Slice_count_matches_the_slices(int quantity, int lotSize, int freeze, int maxLots, int expected)
    {
        Assert.Equal(expected, OrderSlicer.SliceCount(quantity, lotSize, freeze, maxLots));
        Assert.Equal(expected, OrderSlicer.Slice(quantity, lotSize, freeze, maxLots).Count);
    }

    [Theory]
    [InlineData(70, 65, 1800, 0)]   // not a lot multiple
    [InlineData(0, 65, 1800, 0)]    // nothing to trade
    [InlineData(-65, 65, 1800, 0)]  // negative
    [InlineData(65, 0, 1800, 0)]    // no lot size
    [InlineData(65, 65, -1, 0)]     // negative freeze
    [InlineData(65, 65, 1800, -1)]  // negative cap
    [InlineData(130, 65, 50, 0)]    // freeze below one lot: nothing can be placed
    public void Invalid_input_is_refused(int quantity, int lotSize, int freeze, int maxLots)
    {
        Assert.Throws<ArgumentException>(() => OrderSlicer.Slice(quantity, lotSize, freeze, maxLots));
        Assert.Throws<ArgumentException>(() => OrderSlicer.SliceCount(quantity, lotSize, freeze, maxLots));
    }

    [Fact]
    public void Freeze_below_one_lot_says_why()
    {
        var error = Assert.Throws<ArgumentException>(() => OrderSlicer.Slice(130, 65, 50));

        Assert.Contains("freeze quantity 50 is smaller than one lot of 65", error.Message);
    }
}
