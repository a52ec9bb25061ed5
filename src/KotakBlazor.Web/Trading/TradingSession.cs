using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Live session control. Start: the chosen instruments are watched, the chosen strategies
/// start and the broker is reconciled at once. Stop: the strategies stop, a final
/// reconciliation runs, working orders are cancelled if asked, and a final report shows the
/// journal, risk and execution summaries. Traders and admins only (checked here).
/// </summary>
public sealed class TradingSession(
    StrategyManager strategies,
    Reconciler reconciler,
    OrderManager orders,
    TradingKernel kernel,
    JournalService journal,
    AuditLog audit,
    TimeProvider clock)
{
    private readonly Lock _sync = new();
    private SessionState _state = SessionState.Idle;

    /// <summary>The session as it stands.</summary>
    public SessionState State
    {
        get
        {
            lock (_sync)
            {
                return _state;
            }
        }
    }

    /// <summary>True while a session runs.</summary>
    public bool IsLive => State.IsLive;

    public async Task<TradingResult> StartAsync(ActingUser user, IReadOnlyList<InstrumentId> instruments, IReadOnlyList<Guid> strategyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!TradingCommands.MayTrade(user))
        {
            return TradingResult.Refused($"Your role ({user.Role}) may not start a live session.");
        }

        if (kernel.Core.KillSwitch.IsTripped)
        {
            return TradingResult.Refused("The kill switch is tripped: an admin must reset it before a session can start.");
        }

        lock (_sync)
        {
            if (_state.IsLive)
            {
                return TradingResult.Refused($"A session is running already (started by {_state.StartedBy}).");
            }

            _state = new SessionState(true, clock.GetUtcNow(), user.UserName, instruments, strategyIds, null, null);
        }

        var problems = new List<string>();
        foreach (var id in strategyIds)
        {
            var result = await strategies.SetEnabledAsync(id, true, user, cancellationToken);
            problems.AddRange(result.Errors);
        }

        var report = await reconciler.RunAsync("session-start", cancellationToken);
        problems.AddRange(report.Problems);
        await audit.WriteAsync(user.UserName, "session.start", $"{instruments.Count} instruments, {strategyIds.Count} strategies", null, cancellationToken);
        return problems.Count == 0
            ? TradingResult.Done($"Session started: {strategyIds.Count} strategies running, reconciliation every few seconds.")
            : TradingResult.Done("Session started with problems: " + string.Join("; ", problems));
    }

    public async Task<(TradingResult Result, SessionReport? Report)> StopAsync(ActingUser user, bool cancelWorkingOrders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!TradingCommands.MayTrade(user))
        {
            return (TradingResult.Refused($"Your role ({user.Role}) may not stop a live session."), null);
        }

        SessionState started;
        lock (_sync)
        {
            if (!_state.IsLive)
            {
                return (TradingResult.Refused("No session is running."), null);
            }

            started = _state;
        }

        await strategies.PauseAllAsync(user, "live session stopped", cancellationToken);
        var reconciliation = await reconciler.RunAsync("session-stop", cancellationToken);
        var cancelled = cancelWorkingOrders ? await orders.CancelAllWorkingAsync(user.UserName, cancellationToken) : 0;
        var report = await BuildReportAsync(started, reconciliation, cancelled, cancellationToken);
        lock (_sync)
        {
            _state = started with { IsLive = false, StoppedAt = clock.GetUtcNow(), LastReport = report };
        }

        await audit.WriteAsync(user.UserName, "session.stop", $"P&L {report.Risk.DayPnl:0.00}, {report.Journal.Statistics.Overall.Trades} trades, {cancelled} orders cancelled", null, cancellationToken);
        return (TradingResult.Done("Session stopped."), report);
    }

    private async Task<SessionReport> BuildReportAsync(SessionState session, ReconciliationReport reconciliation, int cancelled, CancellationToken cancellationToken)
    {
        var journalView = await journal.TodayAsync(cancellationToken);
        var risk = kernel.Core.Risk.Summary(clock.GetUtcNow());
        var since = session.StartedAt ?? clock.GetUtcNow();
        var sessionOrders = orders.Orders.Where(o => o.PlacedAt >= since).ToList();
        var execution = new ExecutionSummary(
            sessionOrders.Count,
            sessionOrders.Count(o => o.Status == OrderStatus.Filled),
            sessionOrders.Count(o => o.Status is OrderStatus.PendingSubmit or OrderStatus.Open or OrderStatus.PartiallyFilled),
            sessionOrders.Count(o => o.Status == OrderStatus.Rejected),
            sessionOrders.Count(o => o.Status == OrderStatus.Cancelled),
            sessionOrders.Count(o => o.Status == OrderStatus.Failed),
            cancelled);
        return new SessionReport(session.StartedAt, clock.GetUtcNow(), journalView, risk, execution, reconciliation);
    }
}

/// <summary>The live session's state.</summary>
public sealed record SessionState(
    bool IsLive,
    DateTimeOffset? StartedAt,
    string? StartedBy,
    IReadOnlyList<InstrumentId> Instruments,
    IReadOnlyList<Guid> Strategies,
    DateTimeOffset? StoppedAt,
    SessionReport? LastReport)
{
    public static SessionState Idle { get; } = new(false, null, null, [], [], null, null);
}

/// <summary>The final report of a session.</summary>
public sealed record SessionReport(
    DateTimeOffset? StartedAt,
    DateTimeOffset StoppedAt,
    JournalView Journal,
    Core.Risk.RiskSummary Risk,
    ExecutionSummary Execution,
    ReconciliationReport Reconciliation);

/// <summary>Orders of a session by how they ended.</summary>
public sealed record ExecutionSummary(int Orders, int Filled, int Pending, int Rejected, int Cancelled, int Failed, int CancelledAtStop);
