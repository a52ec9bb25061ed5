using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Placements;

/// <summary>
/// Multi-leg placements for people: previews that state exactly what will be sent, and the
/// commands (execute, resume, unwind, keep, close, roll) with the role checked here, on the
/// server, for every one of them: traders and admins may; viewers may look. Every command is audited.
/// </summary>
public sealed class PlacementCommands(
    PlacementDesk desk,
    OrderManager orders,
    TradingKernel kernel,
    TradingReadiness readiness,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The risk verdict and margin for a new structure, with its plan; sends nothing.</summary>
    public Task<PlacementPreview> PreviewAsync(PlacementDraft draft, string actor, CancellationToken cancellationToken) =>
        PreviewAsync(desk.Prepare(draft, actor), cancellationToken);

    /// <summary>The plan for closing an entry's position; sends nothing.</summary>
    public Task<PlacementPreview> PreviewExitAsync(Guid exitId, Guid entryId, string actor, CancellationToken cancellationToken) =>
        PreviewAsync(desk.PrepareExit(exitId, entryId, actor), cancellationToken);

    /// <summary>The plan for rolling one leg of an entry's position; sends nothing.</summary>
    public Task<PlacementPreview> PreviewRollAsync(Guid rollId, Guid entryId, InstrumentId from, InstrumentId to, string actor, CancellationToken cancellationToken) =>
        PreviewAsync(desk.PrepareRoll(rollId, entryId, from, to, actor), cancellationToken);

    /// <summary>Executes a structure; the draft's id (made when the confirmation opened) makes a second press place nothing.</summary>
    public Task<PlacementResult> ExecuteAsync(ActingUser user, PlacementDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return CommandAsync(user, "placement.execute", $"{draft.StrategyName} ({draft.Id}): " + string.Join(", ", draft.Legs.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Side} {l.Lots} lots {l.Instrument}"))),
            () => desk.ExecuteAsync(draft, user.UserName, cancellationToken), needsReadiness: true, cancellationToken);
    }

    public Task<PlacementResult> ResumeAsync(ActingUser user, Guid placementId, CancellationToken cancellationToken) =>
        CommandAsync(user, "placement.resume", placementId.ToString(), () => desk.ResumeAsync(placementId, user.UserName, cancellationToken), needsReadiness: true, cancellationToken);

    public Task<PlacementResult> UnwindAsync(ActingUser user, Guid placementId, CancellationToken cancellationToken) =>
        CommandAsync(user, "placement.unwind", placementId.ToString(), () => desk.UnwindAsync(placementId, user.UserName, cancellationToken), needsReadiness: true, cancellationToken);

    public Task<PlacementResult> KeepAsync(ActingUser user, Guid placementId, CancellationToken cancellationToken) =>
        CommandAsync(user, "placement.keep", placementId.ToString(), () => desk.KeepAsync(placementId, user.UserName, cancellationToken), needsReadiness: false, cancellationToken);

    /// <summary>Closes an entry's position in batches; the exit's id (made when its confirmation opened) makes a second press place nothing.</summary>
    public Task<PlacementResult> CloseAsync(ActingUser user, Guid exitId, Guid entryId, CancellationToken cancellationToken) =>
        CommandAsync(user, "placement.close", $"{entryId} by exit {exitId}", () => desk.ExitAsync(exitId, entryId, user.UserName, cancellationToken), needsReadiness: true, cancellationToken);

    public Task<PlacementResult> RollAsync(ActingUser user, Guid rollId, Guid entryId, InstrumentId from, InstrumentId to, CancellationToken cancellationToken) =>
        CommandAsync(user, "placement.roll", $"{entryId}: {from} to {to} by roll {rollId}", () => desk.RollAsync(rollId, entryId, from, to, user.UserName, cancellationToken), needsReadiness: true, cancellationToken);

    private async Task<PlacementResult> CommandAsync(ActingUser user, string action, string detail, Func<Task<PlacementResult>> command, bool needsReadiness, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!TradingCommands.MayTrade(user))
        {
            await audit.WriteAsync(user.UserName, action + ".refused", $"Role {user.Role} may not place orders: {detail}", null, cancellationToken);
            return PlacementResult.Refused($"Your role ({user.Role}) may not place orders.");
        }

        if (needsReadiness && !readiness.IsReady)
        {
            return PlacementResult.Refused(readiness.Failure is { } failure ? $"Trading is not available: {failure}" : "Trading is still starting (settling orders with the broker); try again in a moment.");
        }

        var result = await command();
        if (!result.AlreadyDone)
        {
            await audit.WriteAsync(user.UserName, result.Succeeded ? action : action + ".refused", $"{detail}: {result.Message}", null, cancellationToken);
        }

        return result;
    }

    private async Task<PlacementPreview> PreviewAsync(PreparedPlacement prepared, CancellationToken cancellationToken)
    {
        if (!prepared.IsValid)
        {
            return new PlacementPreview(prepared, [], null, null);
        }

        var placement = prepared.Placement!;
        var refusals = new List<string>();
        foreach (var leg in placement.Legs)
        {
            // The leg's first order is what the risk engine will see first (the others are the same size or smaller).
            var first = placement.Planned.First(o => o.LegIndex == leg.Index);
            var request = new OrderRequest(leg.Instrument, leg.Side, first.Quantity, leg.OrderType, placement.Product, leg.LimitPrice, null,
                OrderSource.Batch, placement.CreatedBy, leg.Purpose, placement.StrategyId, placement.Id);
            var verdict = await kernel.InvokeAsync(core => core.Preview(request, clock.GetUtcNow()), cancellationToken);
            refusals.AddRange(verdict.Refusals.Select(r => $"{leg.TradingSymbol}: {r.Message}"));
        }

        var (margin, problem) = await MarginAsync(placement, cancellationToken);
        return new PlacementPreview(prepared, [.. refusals.Distinct()], margin, problem);
    }

    /// <summary>The broker's margin for each leg, added up: no hedge benefit is assumed (the broker may give one, so this errs on the safe side).</summary>
    private async Task<(MarginEstimate? Margin, string? Problem)> MarginAsync(Placement placement, CancellationToken cancellationToken)
    {
        var required = 0m;
        decimal? available = null;
        var workings = new List<string>();
        foreach (var leg in placement.Legs)
        {
            var estimate = await orders.Gateway.CheckMarginAsync(new BrokerOrderRequest("preview", leg.Instrument, leg.TradingSymbol, leg.Side, leg.Quantity,
                leg.OrderType, placement.Product, leg.LimitPrice ?? 0m, 0m, false), cancellationToken);
            if (estimate.Value is not { } value)
            {
                return (null, estimate.Error?.Message ?? "The broker gave no margin estimate.");
            }

            required += value.Required;
            available ??= value.Available;
            workings.Add($"{leg.TradingSymbol}: {value.Explanation}");
        }

        return (new MarginEstimate(required, available ?? 0m, string.Join("; ", workings)), null);
    }
}
