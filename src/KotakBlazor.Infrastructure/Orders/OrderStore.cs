using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Orders;

/// <summary>
/// Orders, their append-only events and their fills in SQLite. Every write is one transaction:
/// an order's row, the events that explain it and the fills it received land together or not at all.
/// </summary>
/// <param name="contextFactory">The database.</param>
/// <param name="options">Whether intents are fsynced (ADR 0016); they are when none are given.</param>
public sealed class OrderStore(IDbContextFactory<KotakDbContext> contextFactory, IOptions<OrderStoreOptions>? options = null) : IOrderStore, IDisposable
{
    private readonly OrderChangeWriter _writer = new(contextFactory, options?.Value.FsyncIntents ?? true);

    private const string LikeEscape = "\\";

    /// <summary>Derived from the lifecycle, so a new status can never be forgotten here.</summary>
    private static readonly List<OrderStatus> ActiveStatuses = [.. Enum.GetValues<OrderStatus>().Where(OrderLifecycle.IsActive)];

    public async Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(created);
        EnsureBelongsTo(order, [created], nameof(created));

        try
        {
            await _writer.InsertAsync(order, created, cancellationToken);
        }
        catch (SqliteException ex) when (SqliteConstraint.IsDuplicate(ex))
        {
            // The unique indexes, not a look-up first, decide: two racing inserts cannot both pass.
            var key = order.IdempotencyKey is null ? string.Empty : $" or idempotency key '{order.IdempotencyKey}'";
            throw new DuplicateOrderException($"An order with tag '{order.Tag}'{key} exists already.", ex);
        }
    }

    public Task SaveAsync(OrderChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        EnsureConsistent(change, nameof(change));
        return _writer.SaveAsync([change], cancellationToken);
    }

    public async Task SaveAllAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var change in changes)
        {
            EnsureConsistent(change, nameof(changes));
        }

        await _writer.SaveAsync(changes, cancellationToken);
    }

    /// <summary>Closes the writer's connection once its last checkpoint is done.</summary>
    public void Dispose() => _writer.Dispose();

    /// <summary>For tests: the writer, to read how its connection commits.</summary>
    internal OrderChangeWriter Writer => _writer;

    public async Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return record is null ? null : OrderMapping.ToOrder(record);
    }

    public async Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.IdempotencyKey == idempotencyKey, cancellationToken);
        return record is null ? null : OrderMapping.ToOrder(record);
    }

    public async Task<IReadOnlyList<Order>> LoadActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Orders.AsNoTracking()
            .Where(o => ActiveStatuses.Contains(o.Status))
            .OrderBy(o => o.PlacedAt).ThenBy(o => o.Tag)
            .ToListAsync(cancellationToken);
        return [.. records.Select(OrderMapping.ToOrder)];
    }

    public async Task<IReadOnlyList<Order>> QueryAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        // "Any of these statuses" with none listed matches nothing; null is the way to not filter.
        if (query.Statuses is { Count: 0 })
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var orders = db.Orders.AsNoTracking();
        if (query.Since is { } since)
        {
            orders = orders.Where(o => o.PlacedAt >= since);
        }

        if (query.Until is { } until)
        {
            orders = orders.Where(o => o.PlacedAt < until);
        }

        if (query.Statuses is { } statuses)
        {
            var wanted = statuses.Distinct().ToList();
            orders = orders.Where(o => wanted.Contains(o.Status));
        }

        if (!string.IsNullOrWhiteSpace(query.Symbol))
        {
            // SQLite's LIKE ignores ASCII case, which is all a trading symbol holds.
            var pattern = "%" + EscapeLike(query.Symbol.Trim()) + "%";
            orders = orders.Where(o => EF.Functions.Like(o.TradingSymbol, pattern, LikeEscape));
        }

        if (query.StrategyId is { } strategyId)
        {
            orders = orders.Where(o => o.StrategyId == strategyId);
        }

        if (query.GroupId is { } groupId)
        {
            orders = orders.Where(o => o.GroupId == groupId);
        }

        var records = await orders
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Tag)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return [.. records.Select(OrderMapping.ToOrder)];
    }

    public async Task<IReadOnlyList<OrderEvent>> LoadEventsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The id grows with every append, so it keeps the order of events stamped with the same instant.
        var records = await db.OrderEvents.AsNoTracking()
            .Where(e => e.OrderId == orderId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. records.Select(OrderMapping.ToEvent)];
    }

    public async Task<IReadOnlyList<Fill>> LoadFillsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Fills.AsNoTracking()
            .Where(f => f.Time >= since)
            .OrderBy(f => f.Time).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return [.. records.Select(OrderMapping.ToFill)];
    }

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static void EnsureConsistent(OrderChange change, string parameterName)
    {
        var order = change.Order;
        EnsureBelongsTo(order, change.Events, parameterName);
        if (change.Fills.FirstOrDefault(f => f.OrderId is { } id && id != order.Id) is { } stray)
        {
            throw new ArgumentException($"Trade {stray.TradeId} belongs to order {stray.OrderId}, not {order.Id}.", parameterName);
        }
    }

    private static void EnsureBelongsTo(Order order, IEnumerable<OrderEvent> events, string parameterName)
    {
        if (events.FirstOrDefault(e => e.OrderId != order.Id) is { } stray)
        {
            throw new ArgumentException($"An event ({stray.Kind}) of order {stray.OrderId} was given with order {order.Id}.", parameterName);
        }
    }
}
