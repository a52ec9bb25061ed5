using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>Exit and adjust: close a whole position in batches, or roll one of its legs to another strike.</summary>
public sealed partial class PlacementDesk
{
    /// <summary>
    /// Plans closing an entry's position: every contract it holds bought or sold back at market,
    /// in batches (short legs bought back before wings are sold). Stores and sends nothing.
    /// </summary>
    /// <param name="exitId">The exit's id, made when its confirmation opened.</param>
    /// <param name="entryId">The entry whose position is closed.</param>
    /// <param name="actor">Who asks.</param>
    public PreparedPlacement PrepareExit(Guid exitId, Guid entryId, string actor)
    {
        if (PositionProblem(entryId) is { } problem)
        {
            return new PreparedPlacement(null, null, null, [problem]);
        }

        var entry = Find(entryId)!;
        var legs = new List<PlacementLeg>();
        foreach (var held in Position(entryId, _ => null)!.Legs.Where(l => l.NetQuantity != 0))
        {
            legs.Add(LegFor(legs.Count, held.Instrument, held.NetQuantity > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(held.NetQuantity), OrderPurpose.Exit));
        }

        return Planned(Child(exitId, entry, PlacementKind.Exit, $"{entry.StrategyName} exit", actor, legs));
    }

    /// <summary>
    /// Plans rolling one leg of an entry's position to another contract (another strike): the held
    /// quantity is closed and the same quantity opened on <paramref name="to"/>. Bought legs go first,
    /// so a short leg is bought back before the new one is sold.
    /// </summary>
    public PreparedPlacement PrepareRoll(Guid rollId, Guid entryId, InstrumentId from, InstrumentId to, string actor)
    {
        if (PositionProblem(entryId) is { } problem)
        {
            return new PreparedPlacement(null, null, null, [problem]);
        }

        var entry = Find(entryId)!;
        var held = Position(entryId, _ => null)!.Legs.FirstOrDefault(l => l.Instrument == from && l.NetQuantity != 0);
        if (held is null)
        {
            return new PreparedPlacement(null, null, null, ["The position holds nothing of the leg to roll."]);
        }

        if (!_catalog.TryGet(to, out var target) || !_catalog.TryGet(from, out var source))
        {
            return new PreparedPlacement(null, null, null, ["The contract to roll to is not in the instrument list."]);
        }

        if (target.Id == source.Id || target.Type != InstrumentType.Option || target.OptionType != source.OptionType
            || !string.Equals(target.Underlying, source.Underlying, StringComparison.Ordinal) || target.LotSize != source.LotSize)
        {
            return new PreparedPlacement(null, null, null, [$"{source.TradingSymbol} rolls to another {source.Underlying} {source.OptionType} with the same lot size, not to {target.TradingSymbol}."]);
        }

        var side = held.NetQuantity > 0 ? OrderSide.Buy : OrderSide.Sell;
        List<PlacementLeg> legs =
        [
            LegFor(0, source.Id, side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy, Math.Abs(held.NetQuantity), OrderPurpose.Exit),
            LegFor(1, target.Id, side, Math.Abs(held.NetQuantity), OrderPurpose.Entry),
        ];
        return Planned(Child(rollId, entry, PlacementKind.Roll, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entry.StrategyName} roll {source.Strike:0.##} to {target.Strike:0.##} {source.OptionType}"), actor, legs));
    }

    /// <summary>Closes an entry's position in batches; idempotent by <paramref name="exitId"/>.</summary>
    public Task<PlacementResult> ExitAsync(Guid exitId, Guid entryId, string actor, CancellationToken cancellationToken) =>
        StartChildAsync(exitId, () => PrepareExit(exitId, entryId, actor), cancellationToken);

    /// <summary>Rolls one leg of an entry's position to another contract; idempotent by <paramref name="rollId"/>.</summary>
    public Task<PlacementResult> RollAsync(Guid rollId, Guid entryId, InstrumentId from, InstrumentId to, string actor, CancellationToken cancellationToken) =>
        StartChildAsync(rollId, () => PrepareRoll(rollId, entryId, from, to, actor), cancellationToken);

    private async Task<PlacementResult> StartChildAsync(Guid id, Func<PreparedPlacement> prepare, CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ExistingAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new PlacementResult(true, existing, [], AlreadyDone: true);
            }

            var prepared = prepare();
            return prepared.IsValid ? await StartNewAsync(prepared.Placement!, cancellationToken).ConfigureAwait(false) : PlacementResult.Refused([.. prepared.Problems]);
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>Why an entry's position cannot be exited or rolled now; null when it can.</summary>
    private string? PositionProblem(Guid entryId)
    {
        if (Find(entryId) is not { Kind: PlacementKind.Entry } entry)
        {
            return "No such position.";
        }

        if (Family(entryId).FirstOrDefault(p => p.IsBusy || p.Status == PlacementStatus.Stopped) is { } pending)
        {
            return pending.IsBusy
                ? $"{pending.StrategyName} is still {Word(pending.Status)}: wait for it to finish."
                : $"{pending.StrategyName} is stopped and waits for your choice (resume, unwind or keep) first.";
        }

        return Position(entryId, _ => null) is { IsOpen: true } ? null : $"{entry.StrategyName} holds nothing: the position is closed.";
    }

    private PlacementLeg LegFor(int index, InstrumentId instrument, OrderSide side, int quantity, OrderPurpose purpose)
    {
        var contract = _catalog.TryGet(instrument, out var found)
            ? found
            : throw new InvalidOperationException($"Instrument {instrument} of an open position is no longer in the instrument list.");
        return new PlacementLeg(index, contract.Id, contract.TradingSymbol, side, quantity, contract.LotSize, contract.FreezeQuantity, OrderType.Market, null,
            purpose, contract.OptionType, contract.Strike);
    }

    private Placement Child(Guid id, Placement entry, PlacementKind kind, string name, string actor, IReadOnlyList<PlacementLeg> legs) => new()
    {
        Id = id,
        ParentId = entry.Id,
        Kind = kind,
        StrategyName = name,
        StrategyId = entry.StrategyId,
        Underlying = entry.Underlying,
        Expiry = entry.Expiry,
        Product = entry.Product,
        CreatedBy = actor,
        CreatedAt = _clock.GetUtcNow(),
        UpdatedAt = _clock.GetUtcNow(),
        Status = PlacementStatus.Ready,
        MaxLotsPerBatch = entry.MaxLotsPerBatch,
        Legs = legs,
        Orders = [],
    };
}
