using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

/// <summary>
/// The execution engine's order desk: every order, from every path (strategy, ticket, batch,
/// hub, system), is stored as an intent before the broker hears of it, sent through the kill
/// switch gate and the pacer, and kept up to date from the broker's pushes and order book.
/// The only holder of the broker gateway.
/// </summary>
/// <remarks>
/// Order state changes are serialised by one async lock and stored before they are shown, so
/// the database's history and the screens agree; broker calls happen outside the lock.
/// </remarks>
public sealed partial class OrderManager
{
    private readonly IBrokerGateway _gateway;
    private readonly IOrderStore _store;
    private readonly IOrderDecider _decider;
    private readonly KillSwitchGate _gate;
    private readonly OrderPacer _pacer;
    private readonly TimeProvider _clock;
    private readonly ExecutionOptions _options;
    private readonly ILogger<OrderManager> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Order> _orders = new();
    private readonly Dictionary<string, Guid> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _byBrokerId = new(StringComparer.Ordinal);
    // Read without the lock by SubmitAsync's duplicate check, hence concurrent.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownTrades = new(StringComparer.Ordinal);
    // The orders of each position (strategy, instrument, product), so a fill looks at its own and not at every order held.
    private readonly Dictionary<PositionKey, List<Guid>> _byPosition = [];
    private readonly Dictionary<Guid, List<TaskCompletionSource<Order>>> _finalWaiters = [];
    private readonly object _snapshotSync = new();
    private Order[] _snapshot = [];
    private long _version;
    private long _snapshotVersion;

    /// <summary>Creates the desk.</summary>
    public OrderManager(
        IBrokerGateway gateway,
        IOrderStore store,
        IOrderDecider decider,
        KillSwitchGate gate,
        TimeProvider clock,
        ExecutionOptions options,
        ILogger<OrderManager> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _decider = decider ?? throw new ArgumentNullException(nameof(decider));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _pacer = new OrderPacer(clock, options.OrdersPerSecond, TimeSpan.FromMilliseconds(options.FixedDelayMilliseconds));
    }

    /// <summary>The broker behind the desk.</summary>
    public IBrokerGateway Gateway => _gateway;

    /// <summary>The pacer that holds sends to the broker's limit.</summary>
    public OrderPacer Pacer => _pacer;

    /// <summary>Every order's new state, after it is stored.</summary>
    public EventStream<Order> Changes { get; } = new();

    /// <summary>Every fill of an order we placed, after it is stored (the position book listens).</summary>
    public EventStream<Fill> Fills { get; } = new();

    /// <summary>The orders the desk holds (active ones and recent ones), newest first; a fresh array after each change, built when read.</summary>
    public IReadOnlyList<Order> Orders
    {
        get
        {
            lock (_snapshotSync)
            {
                var version = Interlocked.Read(ref _version);
                if (version != _snapshotVersion)
                {
                    _snapshot = [.. _orders.Values.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Tag, StringComparer.Ordinal)];
                    _snapshotVersion = version;
                }

                return _snapshot;
            }
        }
    }

    /// <summary>One order by id, if the desk holds it.</summary>
    public Order? Find(Guid id) => _orders.TryGetValue(id, out var order) ? order : null;

    /// <summary>Completes when the order is final (filled, rejected, cancelled) or failed, or when the timeout passes (returning it as it stands).</summary>
    public async Task<Order> WaitForSettledAsync(Guid orderId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Order> waiter;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                throw new KeyNotFoundException($"No order {orderId}.");
            }

            if (IsSettled(order))
            {
                return order;
            }

            waiter = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_finalWaiters.TryGetValue(orderId, out var list))
            {
                _finalWaiters[orderId] = list = [];
            }

            list.Add(waiter);
        }
        finally
        {
            _lock.Release();
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Find(orderId)!;
        }
    }

    private static bool IsSettled(Order order) => OrderLifecycle.IsFinal(order.Status) || order.Status == OrderStatus.Failed;

    /// <summary>Stores a change and, once stored, makes it visible. Call under the lock.</summary>
    private Task CommitAsync(Order next, IReadOnlyList<OrderEvent> events, IReadOnlyList<Fill> fills, CancellationToken cancellationToken) =>
        CommitAllAsync([new OrderChange(next, events, fills)], cancellationToken);

    /// <summary>Stores changes to several orders in one write and, once stored, makes them visible. Call under the lock.</summary>
    private async Task CommitAllAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        foreach (var refused in changes.SelectMany(c => c.Events).Where(e => e.Kind == OrderEventKind.IllegalTransitionRefused))
        {
            LogIllegalTransition(_logger, refused.OrderId, refused.Detail);
        }

        await _store.SaveAllAsync(changes, cancellationToken).ConfigureAwait(false);
        foreach (var (next, _, fills) in changes)
        {
            Remember(next);
            foreach (var fill in fills)
            {
                _knownTrades.Add(fill.TradeId);
                Fills.Publish(fill);
            }

            Changes.Publish(next);
            if (IsSettled(next) && _finalWaiters.Remove(next.Id, out var waiters))
            {
                foreach (var waiter in waiters)
                {
                    waiter.TrySetResult(next);
                }
            }
        }
    }

    private void Remember(Order order)
    {
        if (!_orders.ContainsKey(order.Id))
        {
            var position = new PositionKey(order.StrategyId, order.Instrument, order.Product);
            if (!_byPosition.TryGetValue(position, out var ids))
            {
                _byPosition[position] = ids = [];
            }

            ids.Add(order.Id);
        }

        _orders[order.Id] = order;
        _byTag[order.Tag] = order.Id;
        if (order.IdempotencyKey is { } key)
        {
            _byIdempotencyKey[key] = order.Id;
        }
        if (order.BrokerOrderId is { } brokerId)
        {
            _byBrokerId[brokerId] = order.Id;
        }

        Interlocked.Increment(ref _version);
    }

    private Order? Lookup(string? brokerOrderId, string? tag)
    {
        if (brokerOrderId is not null && _byBrokerId.TryGetValue(brokerOrderId, out var byBroker))
        {
            return _orders[byBroker];
        }

        return tag is not null && _byTag.TryGetValue(tag, out var byTag) ? _orders[byTag] : null;
    }

    /// <summary>The orders kept in the same position as <paramref name="order"/> (itself included), as the desk holds them.</summary>
    private IEnumerable<Order> SamePosition(Order order) =>
        _byPosition.TryGetValue(new PositionKey(order.StrategyId, order.Instrument, order.Product), out var ids) ? ids.Select(id => _orders[id]) : [];

    private readonly record struct PositionKey(Guid? StrategyId, Instruments.InstrumentId Instrument, ProductType Product);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: {Detail}")]
    private static partial void LogIllegalTransition(ILogger logger, Guid orderId, string detail);
}
