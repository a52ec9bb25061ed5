namespace KotakBlazor.Core.Execution;

/// <summary>
/// Splits an order above the exchange's freeze quantity into slices the exchange accepts. Slices
/// are greedy: as many full slices as fit, then one smaller remainder, so the trader sees the
/// fewest orders and the last slice is the odd one.
/// </summary>
public static class OrderSlicer
{
    /// <summary>
    /// The slice quantities for an order: each a multiple of the lot size, each at most the largest
    /// lot multiple not above the freeze quantity and at most <paramref name="maxLotsPerSlice"/> lots
    /// (when given); they add up to <paramref name="quantity"/>.
    /// </summary>
    /// <param name="quantity">Units to trade; a positive multiple of the lot size.</param>
    /// <param name="lotSize">Units per lot; positive.</param>
    /// <param name="freezeQuantity">The most units one order may carry; 0 when the exchange sets none.</param>
    /// <param name="maxLotsPerSlice">A further cap in lots per slice; 0 for none.</param>
    /// <exception cref="ArgumentException">A quantity that is not a positive lot multiple, a lot size that is not positive, a negative cap, or a freeze quantity below one lot (no order could be placed).</exception>
    public static IReadOnlyList<int> Slice(int quantity, int lotSize, int freezeQuantity, int maxLotsPerSlice = 0)
    {
        var largest = LargestSlice(quantity, lotSize, freezeQuantity, maxLotsPerSlice);
        var full = quantity / largest;
        var remainder = quantity % largest;
        var slices = new int[full + (remainder > 0 ? 1 : 0)];
        Array.Fill(slices, largest, 0, full);
        if (remainder > 0)
        {
            slices[^1] = remainder;
        }

        return slices;
    }

    /// <summary>How many slices <see cref="Slice"/> would make, without making them.</summary>
    /// <exception cref="ArgumentException">Same as <see cref="Slice"/>.</exception>
    public static int SliceCount(int quantity, int lotSize, int freezeQuantity, int maxLotsPerSlice = 0)
    {
        var largest = LargestSlice(quantity, lotSize, freezeQuantity, maxLotsPerSlice);
        return (quantity / largest) + (quantity % largest > 0 ? 1 : 0);
    }

    /// <summary>The largest lot multiple one slice may carry, or 0 when the freeze quantity is below one lot.</summary>
    /// <param name="lotSize">Units per lot; positive.</param>
    /// <param name="freezeQuantity">The most units one order may carry; 0 when the exchange sets none.</param>
    /// <param name="maxLotsPerSlice">A further cap in lots per slice; 0 for none.</param>
    /// <returns>Units, or <see cref="int.MaxValue"/> when nothing caps a slice.</returns>
    public static int MaxSliceQuantity(int lotSize, int freezeQuantity, int maxLotsPerSlice = 0)
    {
        var lots = freezeQuantity > 0 ? freezeQuantity / lotSize : int.MaxValue;
        if (maxLotsPerSlice > 0)
        {
            lots = Math.Min(lots, maxLotsPerSlice);
        }

        return lots == int.MaxValue ? int.MaxValue : lots * lotSize;
    }

    private static int LargestSlice(int quantity, int lotSize, int freezeQuantity, int maxLotsPerSlice)
    {
        if (lotSize <= 0)
        {
            throw new ArgumentException($"The lot size must be positive, not {lotSize}.", nameof(lotSize));
        }

        if (quantity <= 0 || quantity % lotSize != 0)
        {
            throw new ArgumentException($"Quantity {quantity} is not a positive multiple of the lot size {lotSize}.", nameof(quantity));
        }

        if (freezeQuantity < 0)
        {
            throw new ArgumentException($"The freeze quantity cannot be negative ({freezeQuantity}).", nameof(freezeQuantity));
        }

        if (maxLotsPerSlice < 0)
        {
            throw new ArgumentException($"The lots per slice cannot be negative ({maxLotsPerSlice}).", nameof(maxLotsPerSlice));
        }

        var largest = MaxSliceQuantity(lotSize, freezeQuantity, maxLotsPerSlice);
        if (largest == 0)
        {
            // Real contracts always freeze above one lot; below it no order is possible, so it is bad data.
            throw new ArgumentException($"The freeze quantity {freezeQuantity} is smaller than one lot of {lotSize}: no slice can be placed.", nameof(freezeQuantity));
        }

        return Math.Min(largest, quantity);
    }
}
