using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>What the trader confirms: the legs as lots of contracts, and the placement's id, made when the confirmation opened.</summary>
/// <param name="Id">The placement's id; executing the same id again places nothing new.</param>
/// <param name="StrategyName">The name to show (e.g. "NIFTY short strangle").</param>
/// <param name="Underlying">The underlying.</param>
/// <param name="Expiry">The options' expiry, when they share one.</param>
/// <param name="Product">NRML or MIS.</param>
/// <param name="Legs">The legs.</param>
/// <param name="MaxLotsPerBatch">Lots per batch; 0 for the configured default.</param>
/// <param name="StrategyId">The strategy to attribute the orders to, when a strategy's signal opened the builder.</param>
public sealed record PlacementDraft(
    Guid Id,
    string StrategyName,
    string Underlying,
    DateOnly? Expiry,
    ProductType Product,
    IReadOnlyList<DraftLeg> Legs,
    int MaxLotsPerBatch = 0,
    Guid? StrategyId = null);
