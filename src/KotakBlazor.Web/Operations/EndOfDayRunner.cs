using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// Starts the end-of-day cleanup: by the schedule, or by an admin on demand (the role is checked
/// here, on the server, whatever a page shows; a refusal is audited). The run goes on in the
/// background, independent of the page that started it; screens follow <see cref="Progress"/>.
/// </summary>
public sealed partial class EndOfDayRunner(
    EndOfDayCleanup cleanup,
    IEndOfDayRunStore history,
    AuditLog audit,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<EndOfDayRunner> logger)
{
    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<IEndOfDayStep> Steps => cleanup.Steps;

    /// <summary>Every change of a run (screens show the six steps moving).</summary>
    public Core.Messaging.EventStream<EndOfDayRun> Progress => cleanup.Progress;

    /// <summary>The run in progress, if any.</summary>
    public EndOfDayRun? Current => cleanup.Current;

    /// <summary>The task of the run started last, for tests and shutdown.</summary>
    public Task<EndOfDayRun?> LastRun { get; private set; } = Task.FromResult<EndOfDayRun?>(null);

    /// <summary>An admin runs the cleanup now, for today's IST date.</summary>
    public async Task<TradingResult> RunNowAsync(ActingUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Role != UserRoles.Admin)
        {
            await audit.WriteAsync(user.UserName, "operations.end-of-day-refused", "Only an admin may run the end-of-day cleanup", null, cancellationToken);
            return TradingResult.Refused("Only an admin may run the end-of-day cleanup.");
        }

        if (!TryStart(IndianMarketTime.IstDate(clock.GetUtcNow()), EndOfDayTrigger.OnDemand, user.UserName))
        {
            return TradingResult.Refused(RunningMessage());
        }

        await audit.WriteAsync(user.UserName, "operations.end-of-day", "Cleanup started on demand", null, cancellationToken);
        return TradingResult.Done("End-of-day cleanup started: follow its six steps below.");
    }

    /// <summary>The scheduled run for <paramref name="tradingDay"/>; false when a run is in progress already.</summary>
    public bool StartScheduled(DateOnly tradingDay) => TryStart(tradingDay, EndOfDayTrigger.Scheduled, "system");

    /// <summary>The latest runs, newest first.</summary>
    public Task<IReadOnlyList<EndOfDayRun>> LoadHistoryAsync(int limit, CancellationToken cancellationToken) => history.LoadRecentAsync(limit, cancellationToken);

    private bool TryStart(DateOnly tradingDay, EndOfDayTrigger trigger, string startedBy)
    {
        if (cleanup.Current is not null)
        {
            return false;
        }

        // Not tied to the request or circuit that asked: closing the page must not stop a backup half-way.
        var run = cleanup.TryRunAsync(tradingDay, trigger, startedBy, lifetime.ApplicationStopping);
        if (run.IsCompleted && run.Result is null)
        {
            return false;
        }

        LastRun = ObserveAsync(run);
        return true;
    }

    private async Task<EndOfDayRun?> ObserveAsync(Task<EndOfDayRun?> run)
    {
        try
        {
            return await run;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, ex);
            return null;
        }
    }

    private string RunningMessage() => cleanup.Current is { } current
        ? $"A cleanup is running already (started by {current.StartedBy}, step {Math.Min(current.FinishedSteps + 1, current.Steps.Count)} of {current.Steps.Count})."
        : "A cleanup is running already.";

    [LoggerMessage(Level = LogLevel.Error, Message = "The end-of-day cleanup stopped unexpectedly")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
