using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// A multi-leg placement (a "basket"): the legs the trader confirmed, the batch plan with a link
/// to every order sent, and where it stands. Immutable: every step makes a new value that is
/// stored before it is shown, so a refreshed page, a second browser or a restarted app sees
/// exactly what was placed.
/// </summary>
public sealed record Placement
{
    /// <summary>Its id, made when the confirmation opened: executing the same id twice places once.</summary>
    public required Guid Id { get; init; }

    /// <summary>For an exit or a roll: the entry placement whose position it acts on; null for an entry.</summary>
    public Guid? ParentId { get; init; }

    /// <summary>Entry, exit or roll.</summary>
    public required PlacementKind Kind { get; init; }

    /// <summary>The name the trader sees (e.g. "NIFTY short strangle").</summary>
    public required string StrategyName { get; init; }

    /// <summary>The strategy the orders are attributed to, when a strategy's signal opened the builder.</summary>
    public Guid? StrategyId { get; init; }

    /// <summary>The underlying (NIFTY, BANKNIFTY).</summary>
    public required string Underlying { get; init; }

    /// <summary>The options' expiry, when they share one.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>NRML or MIS.</summary>
    public required ProductType Product { get; init; }

    /// <summary>The user who executed it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was executed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When anything on it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Where it stands.</summary>
    public required PlacementStatus Status { get; init; }

    /// <summary>The most lots of a leg per batch it was planned with.</summary>
    public required int MaxLotsPerBatch { get; init; }

    /// <summary>The legs.</summary>
    public required IReadOnlyList<PlacementLeg> Legs { get; init; }

    /// <summary>Every order, planned and sent, with unwinds after the plan.</summary>
    public required IReadOnlyList<PlacementOrder> Orders { get; init; }

    /// <summary>Why it stopped, in words a trader reads.</summary>
    public string? StopReason { get; init; }

    /// <summary>The hedge check's alert while the filled calls and puts are out of balance; null when they are not.</summary>
    public string? HedgeAlert { get; init; }

    /// <summary>For an entry: when its position was closed (an exit or an unwind left nothing held).</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The planned orders.</summary>
    public IEnumerable<PlacementOrder> Planned => Orders.Where(o => o.Phase == PlacementPhase.Place);

    /// <summary>How many batches the plan has.</summary>
    public int BatchCount => Planned.Select(o => o.Batch).DefaultIfEmpty(0).Max();

    /// <summary>How many batches have every order filled.</summary>
    public int BatchesFilled => Planned.GroupBy(o => o.Batch).Count(b => b.All(o => o.IsFilled));

    /// <summary>The batch being sent or waited on: the first with an order not filled; null when all are.</summary>
    public int? CurrentBatch => Planned.Where(o => !o.IsFilled).Select(o => (int?)o.Batch).Min();

    /// <summary>True while batches are being sent or reversed.</summary>
    public bool IsBusy => Status is PlacementStatus.Running or PlacementStatus.Unwinding;

    /// <summary>The leg with an index.</summary>
    public PlacementLeg Leg(int index) => Legs.First(l => l.Index == index);
}
