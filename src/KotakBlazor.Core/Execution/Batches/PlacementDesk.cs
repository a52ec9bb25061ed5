using System.Collections.Concurrent;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution.Batches;

/// <summary>
/// Places multi-leg structures in batches and keeps their state on the server: the trader
/// confirms once, the desk sends batch after batch through the order desk (write-ahead intents,
/// risk checks, kill-switch gate, pacing), and every step is stored before it is published on
/// <see cref="Progress"/>. A stop (refusal, rejection, no fill in time, kill switch, restart)
/// waits for the trader: resume, unwind what was placed, or keep it. Exits and rolls run the same way.
/// </summary>
/// <remarks>
/// <para>Every order of a placement carries an idempotency key derived from the placement id,
/// batch, leg and slice (<see cref="PlacementKeys"/>), so executing the same placement twice, or
/// resuming one after a restart, can never send an order twice: the order desk finds the first.</para>
/// <para>Commands (execute, resume, unwind, keep, exit, roll) are serialised by one lock; the
/// batches run in the background, outside any page's lifetime.</para>
/// </remarks>
public sealed partial class PlacementDesk : IAsyncDisposable
{
    private readonly OrderManager _orders;
    private readonly KillSwitchGate _gate;
    private readonly IPlacementStore _store;
    private readonly IInstrumentCatalog _catalog;
    private readonly PlacementOptions _options;
    private readonly ExecutionOptions _execution;
    private readonly TimeProvider _clock;
    private readonly INotifier _notifier;
    private readonly ILogger<PlacementDesk> _logger;
    private readonly OrderPacer _pacer;
    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Guid, Placement> _placements = new();
    private readonly ConcurrentDictionary<Guid, Task> _runs = new();
    private int _disposed;

    /// <summary>Creates the desk.</summary>
    public PlacementDesk(
        OrderManager orders,
        KillSwitchGate gate,
        IPlacementStore store,
        IInstrumentCatalog catalog,
        PlacementOptions options,
        ExecutionOptions execution,
        TimeProvider clock,
        INotifier notifier,
        ILogger<PlacementDesk> logger)
    {
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _execution = execution ?? throw new ArgumentNullException(nameof(execution));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));

        // The risk engine counts orders per second when it decides them, before the order desk's
        // pacer holds the sends: requests are spaced here too, or the eleventh order of a big
        // placement would be refused by the rate rule instead of waiting its turn.
        _pacer = new OrderPacer(clock, execution.OrdersPerSecond);
    }

    /// <summary>Every step of every placement, after it is stored.</summary>
    public EventStream<PlacementProgress> Progress { get; } = new();

    /// <summary>The batching settings.</summary>
    public PlacementOptions Options => _options;

    /// <summary>The broker's orders-per-second limit sends are paced to.</summary>
    public int OrdersPerSecond => _execution.OrdersPerSecond;

    /// <summary>The placements the desk holds (recent ones and open positions), newest first.</summary>
    public IReadOnlyList<Placement> Placements => [.. _placements.Values.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)];

    /// <summary>One placement by id.</summary>
    public Placement? Find(Guid id) => _placements.TryGetValue(id, out var placement) ? placement : null;

    /// <summary>An entry and every placement acting on its position (exits, rolls), oldest first.</summary>
    public IReadOnlyList<Placement> Family(Guid entryId) =>
        [.. _placements.Values.Where(p => p.Id == entryId || p.ParentId == entryId).OrderBy(p => p.CreatedAt).ThenBy(p => p.ParentId is null ? 0 : 1)];

    /// <summary>The position an entry opened, with its P&amp;L at the given prices, from the order desk's current orders.</summary>
    public PlacementPosition? Position(Guid entryId, Func<InstrumentId, decimal?> lastPrice)
    {
        ArgumentNullException.ThrowIfNull(lastPrice);
        return Find(entryId) is { Kind: PlacementKind.Entry } entry ? PlacementPosition.Of(entry, Family(entryId), _orders.Find, lastPrice) : null;
    }

    /// <summary>Completes when the placement's batches (or unwind) have stopped running; at once when none are.</summary>
    public Task WhenIdleAsync(Guid id) => _runs.TryGetValue(id, out var run) ? run : Task.CompletedTask;

    /// <summary>
    /// Loads the stored placements at start-up (after the order desk has loaded and reconciled its
    /// orders). One that was running or unwinding when the app stopped is not resumed by itself:
    /// its links are brought up to date from the order desk and it stops and asks the trader.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await _store.LoadAsync(_clock.GetUtcNow().AddDays(-7), cancellationToken).ConfigureAwait(false);
        foreach (var placement in stored)
        {
            if (_placements.ContainsKey(placement.Id))
            {
                // Executed in this process while the stored ones were loading: it is live, not interrupted.
                continue;
            }

            var current = Refreshed(placement);
            if (current.Status is PlacementStatus.Running or PlacementStatus.Unwinding or PlacementStatus.Ready)
            {
                var sent = current.Orders.Count(o => o.IsSent);
                var what = current.Status == PlacementStatus.Unwinding ? "unwinding" : "being placed";
                var choice = current.Status == PlacementStatus.Unwinding ? "Unwind again to finish, or keep what is held." : ChoiceText(current);
                current = current with
                {
                    Status = PlacementStatus.Stopped,
                    StopReason = $"The app restarted while this was {what}: {sent} of {current.Orders.Count} orders had been sent, and none will be sent twice. {choice}",
                    UpdatedAt = _clock.GetUtcNow(),
                };
                LogStoppedByRestart(_logger, current.Id, current.StrategyName);
                await _store.SaveAsync(current, cancellationToken).ConfigureAwait(false);
            }
            else if (current != placement)
            {
                await _store.SaveAsync(current, cancellationToken).ConfigureAwait(false);
            }

            _placements.TryAdd(current.Id, current);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_runs.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Runs end quietly on shutdown; the next start stops them and asks.
        }

        _stopping.Dispose();
        _commands.Dispose();
    }

    /// <summary>
    /// Shows a step without storing it: an order sent or settled within a batch. The orders
    /// themselves are stored by the order desk (write-ahead, with the placement's keys), so a
    /// restart finds them by key even if the link was never stored; the placement is stored at
    /// every batch's end, every stop and every choice. One fsync per batch instead of one per step.
    /// </summary>
    private Placement Show(Placement next, PlacementEventKind kind, string message)
    {
        var now = _clock.GetUtcNow();
        next = next with { UpdatedAt = now };
        _placements[next.Id] = next;
        Progress.Publish(new PlacementProgress(next, kind, message, now));
        return next;
    }

    /// <summary>Stores a new state, then shows it.</summary>
    private async Task<Placement> CommitAsync(Placement next, PlacementEventKind kind, string message, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        next = next with { UpdatedAt = now };
        await _store.SaveAsync(next, cancellationToken).ConfigureAwait(false);
        _placements[next.Id] = next;
        Progress.Publish(new PlacementProgress(next, kind, message, now));
        return next;
    }

    /// <summary>The links brought up to date from the order desk (found by order id, or by key when the link was not stored before a crash).</summary>
    private Placement Refreshed(Placement placement)
    {
        var changed = false;
        var links = new List<PlacementOrder>(placement.Orders.Count);
        foreach (var link in placement.Orders)
        {
            var order = link.OrderId is { } id ? _orders.Find(id) : _orders.Orders.FirstOrDefault(o => o.IdempotencyKey == link.IdempotencyKey);
            var next = order is null ? link : link.With(order);
            changed |= next != link;
            links.Add(next);
        }

        return changed ? placement with { Orders = links } : placement;
    }

    private void Start(Guid id, PlacementPhase phase, int round, string actor)
    {
        var token = _stopping.Token;
        _runs[id] = Task.Run(() => RunAsync(id, phase, round, actor, token), CancellationToken.None);
    }

    private static string ChoiceText(Placement placement) => placement.Kind == PlacementKind.Entry
        ? "Resume to send the rest, unwind what was placed, or keep it."
        : "Resume to send the rest, or keep it as it is.";

    private async Task NotifyAsync(Placement placement, NotificationSeverity severity, string title, string body)
    {
        try
        {
            await _notifier.PublishAsync(new Notification(NotificationKind.System, severity, title, body, _clock.GetUtcNow(), placement.CreatedBy), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A notification channel must never stop a placement.
            LogNotifyFailed(_logger, ex, placement.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Placement {PlacementId} ({Name}) was running when the app stopped: stopped, waiting for the trader")]
    private static partial void LogStoppedByRestart(ILogger logger, Guid placementId, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Placement {PlacementId}: a notification could not be recorded")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, Guid placementId);
}
