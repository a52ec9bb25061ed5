using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Tests.Execution;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>The scripted broker, with book reads and cancels that fail on demand (a broker outage during the cleanup).</summary>
internal sealed class OutageGateway(ScriptedBroker broker) : IBrokerGateway
{
    private int _failingBookReads;

    public string Name => broker.Name;

    public EventStream<BrokerOrder> OrderUpdates => broker.OrderUpdates;

    public EventStream<BrokerTrade> Trades => broker.Trades;

    /// <summary>The next <paramref name="count"/> order-book reads fail as unreachable.</summary>
    public void FailBookReads(int count) => Volatile.Write(ref _failingBookReads, count);

    /// <summary>While true, cancels fail as unreachable.</summary>
    public bool CancelsUnreachable { get; set; }

    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _failingBookReads) >= 0
            ? Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrder>>.Fail(BrokerErrorKind.Unreachable, "connection refused"))
            : broker.GetOrderBookAsync(cancellationToken);

    public Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken) =>
        CancelsUnreachable
            ? Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.Unreachable, "connection refused"))
            : broker.CancelAsync(brokerOrderId, cancellationToken);

    public Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken) => broker.PlaceAsync(request, cancellationToken);

    public Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken) => broker.ModifyAsync(request, cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken) => broker.GetTradeBookAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) => broker.GetPositionsAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) => broker.GetHoldingsAsync(cancellationToken);

    public Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken) => broker.GetFundsAsync(cancellationToken);

    public Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken) => broker.CheckMarginAsync(request, cancellationToken);
}
