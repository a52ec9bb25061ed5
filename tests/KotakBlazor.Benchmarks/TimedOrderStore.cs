using KotakBlazor.Core.Orders;

namespace KotakBlazor.Benchmarks;

/// <summary>Times the writes of an <see cref="IOrderStore"/>; reads pass straight through.</summary>
internal sealed class TimedOrderStore(IOrderStore inner, OrderPathProbes probes) : IOrderStore
{
    public Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken) =>
        probes.Insert.TimeAsync(() => inner.InsertAsync(order, created, cancellationToken));

    public Task SaveAsync(OrderChange change, CancellationToken cancellationToken) => SaveAllAsync([change], cancellationToken);

    public Task SaveAllAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        var acknowledgement = changes.Any(c => c.Events.Any(e => e.From == OrderStatus.PendingSubmit && e.To == OrderStatus.Open));
        return (acknowledgement ? probes.Acknowledge : probes.PushSave).TimeAsync(() => inner.SaveAllAsync(changes, cancellationToken));
    }

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        inner.FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<Order>> LoadActiveAsync(CancellationToken cancellationToken) => inner.LoadActiveAsync(cancellationToken);

    public Task<IReadOnlyList<Order>> QueryAsync(OrderQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<OrderEvent>> LoadEventsAsync(Guid orderId, CancellationToken cancellationToken) => inner.LoadEventsAsync(orderId, cancellationToken);

    public Task<IReadOnlyList<Fill>> LoadFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.LoadFillsAsync(since, cancellationToken);
}
