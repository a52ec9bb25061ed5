using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;

namespace KotakBlazor.Benchmarks;

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
