using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution;

/// <summary>An in-memory order store for the desk's unit tests; the SQLite store has its own tests in Infrastructure.</summary>
internal sealed class MemoryOrderStore : IOrderStore
{
    private readonly object _sync = new();
    private readonly Dictionary<Guid, Order> _orders = [];
    private readonly List<OrderEvent> _events = [];
    private readonly Dictionary<string, Fill> _fills = [];
    private readonly List<IReadOnlyList<Guid>> _writes = [];

    /// <summary>Every write of changes, as the ids of the orders it changed together.</summary>
    public IReadOnlyList<IReadOnlyList<Guid>> Writes
    {
        get
        {
            lock (_sync)
            {
                return [.. _writes];
            }
        }
    }

    public IReadOnlyList<Order> All
    {
        get
        {
            lock (_sync)
            {
                return [.. _orders.Values];
            }
        }
    }

    public IReadOnlyList<OrderEvent> Events
    {
        get
        {
            lock (_sync)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<Fill> AllFills
    {
        get
        {
            lock (_sync)
            {
                return [.. _fills.Values];
            }
        }
    }

    public Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_orders.Values.Any(o => o.Tag == order.Tag || (order.IdempotencyKey is not null && o.IdempotencyKey == order.IdempotencyKey)))
            {
                throw new DuplicateOrderException();
            }

            _orders[order.Id] = order;
            _events.Add(created);
        }

        return Task.CompletedTask;
    }

    public Task SaveAsync(OrderChange change, CancellationToken cancellationToken) => SaveAllAsync([change], cancellationToken);

    /// <summary>Runs before every write of changes: hold a write back, or fail it by throwing.</summary>
    public Func<IReadOnlyList<OrderChange>, Task>? BeforeSave { get; set; }

    public async Task SaveAllAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        if (BeforeSave is { } before)
        {
            await before(changes);
        }

        lock (_sync)
        {
            _writes.Add([.. changes.Select(c => c.Order.Id)]);
            foreach (var change in changes)
            {
                _orders[change.Order.Id] = change.Order;
                _events.AddRange(change.Events);
                foreach (var fill in change.Fills)
                {
                    _fills.TryAdd(fill.TradeId, fill);
                }
            }
        }

    }

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_orders.GetValueOrDefault(id));
        }
    }

    public Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_orders.Values.FirstOrDefault(o => o.IdempotencyKey == idempotencyKey));
        }
    }

    public Task<IReadOnlyList<Order>> LoadActiveAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values.Where(o => OrderLifecycle.IsActive(o.Status))]);
        }
    }

    public Task<IReadOnlyList<Order>> QueryAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values.Where(o => query.Since is null || o.PlacedAt >= query.Since).OrderByDescending(o => o.PlacedAt)]);
        }
    }

    public Task<IReadOnlyList<OrderEvent>> LoadEventsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<OrderEvent>>([.. _events.Where(e => e.OrderId == orderId)]);
        }
    }

    public Task<IReadOnlyList<Fill>> LoadFillsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<Fill>>([.. _fills.Values.Where(f => f.Time >= since)]);
        }
    }
}
