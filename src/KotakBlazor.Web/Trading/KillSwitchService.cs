using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Trips and resets the kill switch, whoever or whatever asks. A trip closes the gate before
/// the broker first (no new order gets out from that instant, whatever path it came from),
/// then records it in the kernel, the database and the audit log, waits for sends already
/// through the gate, cancels every working order, pauses the strategies and, when configured,
/// squares off. Only an admin may trip or reset by hand (checked here, on the server).
/// </summary>
public sealed partial class KillSwitchService(
    TradingKernel kernel,
    KillSwitchGate gate,
    IRiskStore store,
    OrderManager orders,
    StrategyManager strategies,
    PositionsSquareOff squareOff,
    AuditLog audit,
    TimeProvider clock,
    ILogger<KillSwitchService> logger)
{
    private readonly SemaphoreSlim _changing = new(1, 1);

    // Trips and resets wait for the stored state to be loaded: otherwise a trip made in the first
    // moments after start-up would be overwritten by the restore.
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The state as the kernel holds it.</summary>
    public KillSwitchState State => kernel.Core.KillSwitch.State;

    /// <summary>Loads the stored state at start-up: a switch tripped before a restart stays tripped.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var state = await store.LoadKillSwitchAsync(cancellationToken);
        gate.SetTripped(state.IsTripped);
        await kernel.InvokeAsync(core =>
        {
            core.KillSwitch.Restore(state);
            return true;
        }, cancellationToken);
        if (state.IsTripped)
        {
            LogRestoredTripped(logger, state.Reason ?? "?", state.ChangedBy ?? "?");
        }

        _restored.TrySetResult();
    }

    /// <summary>An admin trips the switch.</summary>
    public async Task<TradingResult> TripAsync(ActingUser user, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Role != UserRoles.Admin)
        {
            await audit.WriteAsync(user.UserName, "kill-switch.trip-refused", "Only an admin may trip the kill switch", null, cancellationToken);
            return TradingResult.Refused("Only an admin may trip the kill switch.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TradingResult.Refused("Give a reason for tripping the kill switch.");
        }

        await _restored.Task.WaitAsync(cancellationToken);
        gate.SetTripped(true);
        var change = await kernel.InvokeAsync(core => core.TripKillSwitch(reason.Trim(), user.UserName, clock.GetUtcNow()), cancellationToken);
        if (change is null)
        {
            return TradingResult.Refused("The kill switch is tripped already.");
        }

        await HandleTripAsync(change, cancellationToken);
        return TradingResult.Done("Kill switch tripped: no new orders, working orders cancelled, strategies paused.");
    }

    /// <summary>An admin resets the switch.</summary>
    public async Task<TradingResult> ResetAsync(ActingUser user, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Role != UserRoles.Admin)
        {
            await audit.WriteAsync(user.UserName, "kill-switch.reset-refused", "Only an admin may reset the kill switch", null, cancellationToken);
            return TradingResult.Refused("Only an admin may reset the kill switch.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TradingResult.Refused("Give a reason for resetting the kill switch.");
        }

        await _restored.Task.WaitAsync(cancellationToken);
        await _changing.WaitAsync(cancellationToken);
        try
        {
            var change = await kernel.InvokeAsync(core => core.ResetKillSwitch(reason.Trim(), user.UserName, clock.GetUtcNow()), cancellationToken);
            if (change is null)
            {
                return TradingResult.Refused("The kill switch is not tripped.");
            }

            await store.SaveKillSwitchAsync(change, cancellationToken);
            await audit.WriteAsync(user.UserName, "kill-switch.reset", change.Reason, null, cancellationToken);
            gate.SetTripped(false);
            LogReset(logger, user.UserName, change.Reason);
            return TradingResult.Done("Kill switch reset. Strategies stay paused until someone starts them again.");
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>The kernel tripped the switch by itself (the daily-loss limit): close the gate and do the rest.</summary>
    public async Task OnKernelChangeAsync(KillSwitchChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Tripped && change.Automatic)
        {
            gate.SetTripped(true);
            await HandleTripAsync(change, cancellationToken);
        }
    }

    private async Task HandleTripAsync(KillSwitchChange change, CancellationToken cancellationToken)
    {
        await _changing.WaitAsync(cancellationToken);
        try
        {
            LogTripped(logger, change.Actor, change.Reason);
            await store.SaveKillSwitchAsync(change, cancellationToken);
            await audit.WriteAsync(change.Actor, change.Automatic ? "kill-switch.trip-automatic" : "kill-switch.trip", change.Reason, null, cancellationToken);

            // Orders already through the gate when it closed are with the broker now: wait for them, so the sweep cancels them too.
            await gate.WaitForSendsInFlightAsync(cancellationToken);
            var cancelled = await orders.CancelAllWorkingAsync("kill-switch", cancellationToken);
            var paused = await strategies.PauseAllAsync(new ActingUser(change.Actor, UserRoles.Admin), "kill switch tripped", cancellationToken);
            var limits = kernel.Core.Risk.Limits;
            var squared = limits.SquareOffOnKillSwitch ? await squareOff.SquareOffAllAsync("kill-switch", cancellationToken) : 0;
            await audit.WriteAsync("system", "kill-switch.sweep", $"{cancelled} working orders cancelled, {paused} strategies paused, {squared} positions squared off", null, cancellationToken);
        }
        finally
        {
            _changing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch TRIPPED by {Actor}: {Reason}")]
    private static partial void LogTripped(ILogger logger, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch reset by {Actor}: {Reason}")]
    private static partial void LogReset(ILogger logger, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch is TRIPPED (restored from the database): {Reason}, by {Actor}")]
    private static partial void LogRestoredTripped(ILogger logger, string reason, string actor);
}
