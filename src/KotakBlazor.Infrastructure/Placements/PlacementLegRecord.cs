using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Placements;

/// <summary>One leg of a stored placement (table <c>placement_legs</c>).</summary>
public sealed class PlacementLegRecord
{
    public Guid PlacementId { get; set; }

    public int LegIndex { get; set; }

    public required string InstrumentKey { get; set; }

    public required string TradingSymbol { get; set; }

    public OrderSide Side { get; set; }

    public int Quantity { get; set; }

    public int LotSize { get; set; }

    public int FreezeQuantity { get; set; }

    public OrderType OrderType { get; set; }

    public decimal? LimitPrice { get; set; }

    public OrderPurpose Purpose { get; set; }

    public OptionType? OptionType { get; set; }

    public decimal? Strike { get; set; }
}
