using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;
using static System.FormattableString;

namespace KotakBlazor.Core.Execution.Batches;

public sealed partial class PlacementDesk
{
    /// <summary>
    /// Checks a draft and plans it exactly as <see cref="ExecuteAsync"/> will: contracts, lot sizes
    /// and freeze quantities from the instrument master, the batches, the pacing and the estimated
    /// time. Stores and sends nothing.
    /// </summary>
    public PreparedPlacement Prepare(PlacementDraft draft, string actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        if (draft.Legs.Count == 0)
        {
            problems.Add("Add at least one leg.");
        }

        var legs = new List<PlacementLeg>(draft.Legs.Count);
        for (var i = 0; i < draft.Legs.Count; i++)
        {
            var leg = draft.Legs[i];
            if (!_catalog.TryGet(leg.Instrument, out var instrument))
            {
                problems.Add($"Leg {i + 1}: instrument {leg.Instrument} is not in the instrument list.");
                continue;
            }

            if (!instrument.IsTradable)
            {
                problems.Add($"Leg {i + 1}: {instrument.TradingSymbol} is an index: it is quoted, not traded.");
                continue;
            }

            if (leg.OrderType is not (OrderType.Market or OrderType.Limit))
            {
                problems.Add($"Leg {i + 1}: a placement sends market or limit orders, not {leg.OrderType}.");
            }
            else if (leg.OrderType == OrderType.Limit && leg.LimitPrice is not > 0)
            {
                problems.Add($"Leg {i + 1}: a limit order needs a price above 0.");
            }

            if (leg.Lots <= 0)
            {
                problems.Add(Invariant($"Leg {i + 1} ({instrument.TradingSymbol}): lots must be at least 1 (given {leg.Lots})."));
                continue;
            }

            legs.Add(new PlacementLeg(i, instrument.Id, instrument.TradingSymbol, leg.Side, checked(leg.Lots * instrument.LotSize), instrument.LotSize,
                instrument.FreezeQuantity, leg.OrderType, leg.OrderType == OrderType.Limit ? leg.LimitPrice : null, OrderPurpose.Entry, instrument.OptionType, instrument.Strike));
        }

        var placement = new Placement
        {
            Id = draft.Id,
            Kind = PlacementKind.Entry,
            StrategyName = string.IsNullOrWhiteSpace(draft.StrategyName) ? "Multi-leg placement" : draft.StrategyName.Trim(),
            StrategyId = draft.StrategyId,
            Underlying = draft.Underlying,
            Expiry = draft.Expiry,
            Product = draft.Product,
            CreatedBy = actor,
            CreatedAt = _clock.GetUtcNow(),
            UpdatedAt = _clock.GetUtcNow(),
            Status = PlacementStatus.Ready,
            MaxLotsPerBatch = draft.MaxLotsPerBatch > 0 ? draft.MaxLotsPerBatch : _options.MaxLotsPerBatch,
            Legs = legs,
            Orders = [],
        };
        return problems.Count > 0 ? new PreparedPlacement(null, null, null, problems) : Planned(placement);
    }

    /// <summary>
    /// Executes a draft: stores it with its plan and starts sending batches in the background.
    /// Idempotent by the draft's id: a double click, a second tab or a refresh that executes the
    /// same id again gets the existing placement back and places nothing.
    /// </summary>
    public async Task<PlacementResult> ExecuteAsync(PlacementDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await _commands.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ExistingAsync(draft.Id, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new PlacementResult(true, existing, [], AlreadyDone: true);
            }

            var prepared = Prepare(draft, actor);
            if (!prepared.IsValid)
            {
                return PlacementResult.Refused([.. prepared.Problems]);
            }

            return await StartNewAsync(prepared.Placement!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>The placement with its plan, or the planner's problems.</summary>
    private PreparedPlacement Planned(Placement placement)
    {
        var problems = BatchPlanner.Problems(placement.Legs, placement.MaxLotsPerBatch);
        if (problems.Count > 0)
        {
            return new PreparedPlacement(null, null, null, problems);
        }

        var plan = BatchPlanner.Plan(placement.Legs, placement.MaxLotsPerBatch);
        var pacing = PacingEstimate.For(plan, placement.Legs, _execution.OrdersPerSecond,
            TimeSpan.FromMilliseconds(_options.FixedDelayBetweenBatchesMilliseconds), TimeSpan.FromMilliseconds(_options.ExpectedFillMilliseconds));
        var planned = placement with { Orders = PlacementKeys.Links(placement.Id, plan, placement.Legs, PlacementPhase.Place, 0) };
        return new PreparedPlacement(planned, plan, pacing, []);
    }

    /// <summary>Stores a new placement (as running: the first batch goes at once) and starts it; another process or tab that stored the id first wins.</summary>
    private async Task<PlacementResult> StartNewAsync(Placement placement, CancellationToken cancellationToken)
    {
        var running = placement with { Status = PlacementStatus.Running };
        if (!await _store.TryCreateAsync(running, cancellationToken).ConfigureAwait(false))
        {
            var stored = await ExistingAsync(placement.Id, cancellationToken).ConfigureAwait(false);
            return new PlacementResult(true, stored, [], AlreadyDone: true);
        }

        LogStarted(_logger, placement.Id, placement.StrategyName, placement.Orders.Count, placement.BatchCount, placement.CreatedBy);
        running = Show(running, PlacementEventKind.Created, Invariant($"{placement.StrategyName}: {placement.Orders.Count} orders in {placement.BatchCount} batches."));
        Start(placement.Id, PlacementPhase.Place, 0, placement.CreatedBy);
        return PlacementResult.Done(running);
    }

    private async Task<Placement?> ExistingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Find(id) is { } known)
        {
            return known;
        }

        if (await _store.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            _placements.TryAdd(id, stored);
            return Find(id);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Placement {PlacementId} ({Name}): {Orders} orders in {Batches} batches, executed by {Actor}")]
    private static partial void LogStarted(ILogger logger, Guid placementId, string name, int orders, int batches, string actor);
}
