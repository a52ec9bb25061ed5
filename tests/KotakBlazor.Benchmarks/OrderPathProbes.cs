using System.Diagnostics;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Benchmarks;

/// <summary>Latencies of one step of the order path, recorded from any thread.</summary>
internal sealed class Probe(string name)
{
    private readonly Lock _sync = new();
    private LatencySample _sample = new(1 << 14);

    public string Name { get; } = name;

    public bool Enabled { get; set; }

    public async Task<T> TimeAsync<T>(Func<Task<T>> step)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await step().ConfigureAwait(false);
        Record(Stopwatch.GetTimestamp() - start);
        return result;
    }

    public async Task TimeAsync(Func<Task> step)
    {
        var start = Stopwatch.GetTimestamp();
        await step().ConfigureAwait(false);
        Record(Stopwatch.GetTimestamp() - start);
    }

    /// <summary>What was recorded since the last reset, and a fresh start.</summary>
    public LatencySample.Summary TakeSummary()
    {
        lock (_sync)
        {
            var summary = _sample.Summarise();
            _sample = new LatencySample(1 << 14);
            return summary;
        }
    }

    private void Record(long elapsed)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_sync)
        {
            _sample.Add(elapsed);
        }
    }
}

/// <summary>
/// The steps the order path's breakdown times: the risk decision (a round trip through the
/// kernel's loop), the intent insert, the broker call, and the two kinds of order save (the
/// acknowledgement, and the saves the broker's pushes cause: fill status, trade, position closed).
/// </summary>
internal sealed class OrderPathProbes
{
    public Probe Decide { get; } = new("risk decision (kernel round trip)");

    public Probe Insert { get; } = new("intent insert (SQLite)");

    public Probe Place { get; } = new("paper broker PlaceAsync");

    public Probe Acknowledge { get; } = new("acknowledgement save (SQLite)");

    public Probe PushSave { get; } = new("saves from broker pushes (SQLite)");

    public IEnumerable<Probe> All => [Decide, Insert, Place, Acknowledge, PushSave];

    public bool Enabled
    {
        set
        {
            foreach (var probe in All)
            {
                probe.Enabled = value;
            }
        }
    }
}

/// <summary>Times <see cref="IOrderDecider.DecideAsync"/>.</summary>
internal sealed class TimedDecider(IOrderDecider inner, Probe probe) : IOrderDecider
{
    public Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken) =>
        probe.TimeAsync(() => inner.DecideAsync(request, cancellationToken));
}

/// <summary>Times the writes of an <see cref="IOrderStore"/>; reads pass straight through.</summary>
internal sealed class TimedOrderStore(IOrderStore inner, OrderPathProbes probes) : IOrderStore
{
    public Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken) =>
        probes.Insert.TimeAsync(() => inner.InsertAsync(order, created, cancellationToken));

    public Task SaveAsync(OrderChange change, CancellationToken cancellationToken)
    {
        var acknowledgement = change.Events.Any(e => e.From == OrderStatus.PendingSubmit && e.To == OrderStatus.Open);
        return (acknowledgement ? probes.Acknowledge : probes.PushSave).TimeAsync(() => inner.SaveAsync(change, cancellationToken));
    }

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        inner.FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<Order>> LoadActiveAsync(CancellationToken cancellationToken) => inner.LoadActiveAsync(cancellationToken);

    public Task<IReadOnlyList<Order>> QueryAsync(OrderQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<OrderEvent>> LoadEventsAsync(Guid orderId, CancellationToken cancellationToken) => inner.LoadEventsAsync(orderId, cancellationToken);

    public Task<IReadOnlyList<Fill>> LoadFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.LoadFillsAsync(since, cancellationToken);
}

/// <summary>Times <see cref="IBrokerGateway.PlaceAsync"/>; everything else passes straight through.</summary>
internal sealed class TimedGateway(IBrokerGateway inner, Probe probe) : IBrokerGateway
{
    public string Name => inner.Name;

    public EventStream<BrokerOrder> OrderUpdates => inner.OrderUpdates;

    public EventStream<BrokerTrade> Trades => inner.Trades;

    public Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken) =>
        probe.TimeAsync(() => inner.PlaceAsync(request, cancellationToken));

    public Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken) => inner.ModifyAsync(request, cancellationToken);

    public Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken) => inner.CancelAsync(brokerOrderId, cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken) => inner.GetOrderBookAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken) => inner.GetTradeBookAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) => inner.GetHoldingsAsync(cancellationToken);

    public Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken) => inner.GetFundsAsync(cancellationToken);

    public Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken) => inner.CheckMarginAsync(request, cancellationToken);
}
