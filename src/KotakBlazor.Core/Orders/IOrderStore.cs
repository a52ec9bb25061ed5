namespace KotakBlazor.Core.Orders;

/// <summary>
/// Where orders, their events and their fills are kept (SQLite). Writes are atomic: an order's
/// new state, the events that explain it and the fills it received are stored together or not at all.
/// </summary>
public interface IOrderStore
{
    /// <summary>
    /// Stores a new intent before the broker hears of it (write-ahead).
    /// </summary>
    /// <exception cref="DuplicateOrderException">The tag, or the idempotency key, is taken: the order exists already.</exception>
    Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken);

    /// <summary>Stores an order's new state, appends its events and records its fills (a trade id already stored is skipped).</summary>
    Task SaveAsync(OrderChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several changes together or not at all: what one broker update does to several
    /// orders (a fill and the entries it closes) costs one write. By default one after another.
    /// </summary>
    async Task SaveAllAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            await SaveAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One order by id.</summary>
    Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The order a button press (idempotency key) created, if any.</summary>
    Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Every order that is not final (pending, failed, open, partly filled), oldest first.</summary>
    Task<IReadOnlyList<Order>> LoadActiveAsync(CancellationToken cancellationToken);

    /// <summary>Orders matching a filter, newest first.</summary>
    Task<IReadOnlyList<Order>> QueryAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>An order's history, oldest first.</summary>
    Task<IReadOnlyList<OrderEvent>> LoadEventsAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Fills at or after a time, oldest first.</summary>
    Task<IReadOnlyList<Fill>> LoadFillsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>An order's new state with the events that explain it and the fills it received.</summary>
/// <param name="Order">The order as it is now.</param>
/// <param name="Events">What happened, appended in order.</param>
/// <param name="Fills">Trades received (may be empty).</param>
public sealed record OrderChange(Order Order, IReadOnlyList<OrderEvent> Events, IReadOnlyList<Fill> Fills);

/// <summary>A filter for the order book page and reports. Null members do not filter.</summary>
/// <param name="Since">Placed at or after.</param>
/// <param name="Until">Placed before.</param>
/// <param name="Statuses">Any of these statuses.</param>
/// <param name="Symbol">Trading symbol contains (case-insensitive).</param>
/// <param name="StrategyId">Attributed to this strategy.</param>
/// <param name="GroupId">In this multi-leg group.</param>
/// <param name="Limit">At most this many.</param>
public sealed record OrderQuery(
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    IReadOnlyList<OrderStatus>? Statuses = null,
    string? Symbol = null,
    Guid? StrategyId = null,
    Guid? GroupId = null,
    int Limit = 500);

/// <summary>An order with the same tag or idempotency key exists already.</summary>
public sealed class DuplicateOrderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateOrderException() : base("An order with this tag or idempotency key exists already.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public DuplicateOrderException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DuplicateOrderException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
