using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.TestSupport;

namespace KotakBlazor.Infrastructure.Tests.Placements;

/// <summary>NIFTY options for placement tests (lot 65, freeze 1,800) and placements made of them.</summary>
internal static class PlacementSamples
{
    public static readonly Instrument Call = Option(1, 26_200m, OptionType.Call);
    public static readonly Instrument Put = Option(2, 25_700m, OptionType.Put);

    public static InstrumentCatalog Catalog => new([Call, Put]);

    public static PlacementDraft Strangle(int lots) =>
        new(Guid.NewGuid(), "NIFTY short strangle", "NIFTY", Call.Expiry, ProductType.Nrml,
            [new DraftLeg(Call.Id, OrderSide.Sell, lots), new DraftLeg(Put.Id, OrderSide.Sell, lots)]);

    /// <summary>A placement as the desk would store it, with its plan.</summary>
    public static Placement Planned(DateTimeOffset at, int lots = 40, PlacementKind kind = PlacementKind.Entry, Guid? parent = null)
    {
        var id = Guid.NewGuid();
        PlacementLeg[] legs =
        [
            new(0, Call.Id, Call.TradingSymbol, OrderSide.Sell, lots * 65, 65, 1800, OrderType.Market, null, OrderPurpose.Entry, OptionType.Call, 26_200m),
            new(1, Put.Id, Put.TradingSymbol, OrderSide.Sell, lots * 65, 65, 1800, OrderType.Limit, 90.05m, OrderPurpose.Entry, OptionType.Put, 25_700m),
        ];
        var plan = BatchPlanner.Plan(legs, 20);
        return new Placement
        {
            Id = id,
            ParentId = parent,
            Kind = kind,
            StrategyName = "NIFTY short strangle",
            Underlying = "NIFTY",
            Expiry = new DateOnly(2026, 12, 8),
            Product = ProductType.Nrml,
            CreatedBy = "asha",
            CreatedAt = at,
            UpdatedAt = at,
            Status = PlacementStatus.Ready,
            MaxLotsPerBatch = 20,
            Legs = legs,
            Orders = PlacementKeys.Links(id, plan, legs, PlacementPhase.Place, 0),
        };
    }

    private static Instrument Option(int token, decimal strike, OptionType type) => SampleOptions.Nifty08Dec(80_000 + token, strike, type);
}
