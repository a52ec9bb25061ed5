using KotakBlazor.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Runs the end-of-day steps in order, one run at a time. A step that fails or throws is recorded
/// as failed with its reason and the run goes on to the next: a broker that does not answer the
/// order-book call must not stop the backup. The run is stored after every step, so the history
/// shows how far an interrupted run got, and published for screens to follow.
/// </summary>
public sealed partial class EndOfDayCleanup
{
    private readonly IReadOnlyList<IEndOfDayStep> _steps;
    private readonly IEndOfDayRunStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<EndOfDayCleanup> _logger;
    private int _running;
    private EndOfDayRun? _current;

    /// <summary>Creates the runner.</summary>
    /// <exception cref="ArgumentException">Two steps share a number.</exception>
    public EndOfDayCleanup(IEnumerable<IEndOfDayStep> steps, IEndOfDayRunStore store, TimeProvider clock, ILogger<EndOfDayCleanup> logger)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps.OrderBy(s => s.Number)];
        if (_steps.Select(s => s.Number).Distinct().Count() != _steps.Count)
        {
            throw new ArgumentException("Two end-of-day steps share a number.", nameof(steps));
        }

        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IEndOfDayStep> Steps => _steps;

    /// <summary>Every change of a run: its start, each step starting and finishing, its end.</summary>
    public EventStream<EndOfDayRun> Progress { get; } = new();

    /// <summary>The run in progress, if any.</summary>
    public EndOfDayRun? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Runs every step for <paramref name="tradingDay"/> and returns the finished run; returns null at
    /// once, doing nothing, when a run is in progress already. The run is <see cref="Current"/> from
    /// before this method first yields.
    /// </summary>
    public async Task<EndOfDayRun?> TryRunAsync(DateOnly tradingDay, EndOfDayTrigger trigger, string startedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startedBy);
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return null;
        }

        try
        {
            var run = new EndOfDayRun(Guid.NewGuid(), tradingDay, trigger, startedBy, _clock.GetUtcNow(), null,
                [.. _steps.Select(s => new EndOfDayStepResult(s.Number, s.Name, EndOfDayStepStatus.Pending, string.Empty, null, null))]);
            await ShowAsync(run, cancellationToken).ConfigureAwait(false);
            LogRunStarted(_logger, tradingDay, trigger, startedBy);
            var context = new EndOfDayContext(run.Id, tradingDay, run.StartedAt, startedBy);
            foreach (var step in _steps)
            {
                run = run.With(new EndOfDayStepResult(step.Number, step.Name, EndOfDayStepStatus.Running, string.Empty, _clock.GetUtcNow(), null));
                await ShowAsync(run, cancellationToken).ConfigureAwait(false);
                var outcome = await RunStepAsync(step, context, cancellationToken).ConfigureAwait(false);
                var started = run.Steps.Single(s => s.Number == step.Number).StartedAt;
                run = run.With(new EndOfDayStepResult(step.Number, step.Name, outcome.Status, outcome.Detail, started, _clock.GetUtcNow()));
                await ShowAsync(run, cancellationToken).ConfigureAwait(false);
            }

            run = run with { FinishedAt = _clock.GetUtcNow() };
            await ShowAsync(run, cancellationToken).ConfigureAwait(false);
            LogRunFinished(_logger, tradingDay, run.Outcome, run.FailedSteps);
            return run;
        }
        finally
        {
            Volatile.Write(ref _current, null);
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task<EndOfDayStepOutcome> RunStepAsync(IEndOfDayStep step, EndOfDayContext context, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == EndOfDayStepStatus.Failed)
            {
                LogStepFailed(_logger, null, step.Number, step.Name, outcome.Detail);
            }

            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStepFailed(_logger, ex, step.Number, step.Name, ex.Message);
            return EndOfDayStepOutcome.Failed(ex.Message);
        }
    }

    private async Task ShowAsync(EndOfDayRun run, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _current, run);
        Progress.Publish(run);
        try
        {
            await _store.SaveAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cleanup's own work matters more than its history: carry on, loudly.
            LogHistoryNotStored(_logger, ex, run.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "End-of-day cleanup for {TradingDay} started ({Trigger}, by {StartedBy})")]
    private static partial void LogRunStarted(ILogger logger, DateOnly tradingDay, EndOfDayTrigger trigger, string startedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "End-of-day cleanup for {TradingDay} finished: {Outcome} ({Failed} failed steps)")]
    private static partial void LogRunFinished(ILogger logger, DateOnly tradingDay, string outcome, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "End-of-day step {Number} ({Name}) failed: {Reason}")]
    private static partial void LogStepFailed(ILogger logger, Exception? exception, int number, string name, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "End-of-day run {RunId} could not be stored in the history")]
    private static partial void LogHistoryNotStored(ILogger logger, Exception exception, Guid runId);
}
