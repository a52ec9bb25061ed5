namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>One level of market depth, 16 bytes: @0 i64 quantity, @8 i32 price (divided), @12 i32 orders.</summary>
/// <param name="Quantity">Units at this price.</param>
/// <param name="Price">The price.</param>
/// <param name="Orders">How many orders make it up.</param>
public readonly record struct SFeedDepthRow(long Quantity, decimal Price, int Orders)
{
    /// <summary>Bytes in a depth row.</summary>
    public const int Size = 16;
}
