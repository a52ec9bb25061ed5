using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Tests.Support;

/// <summary>Where in a place call the process dies.</summary>
public enum CrashPoint
{
    /// <summary>Before the broker heard of the order.</summary>
    BeforeBroker,

    /// <summary>After the broker took the order, before its answer came back.</summary>
    AfterBroker,
}

/// <summary>
/// The broker as a process sees it that dies in a place call: the n-th place call never returns
/// to the desk (the earlier ones go through). With <paramref name="forwardPushes"/> the desk hears
/// the broker's pushes (a placement needs its earlier fills to go on); without, it hears nothing,
/// so what the broker did after the crash reaches only the next process.
/// </summary>
internal sealed class CrashingGateway(IBrokerGateway inner, CrashPoint point, int crashOnOrder = 1, bool forwardPushes = false) : IBrokerGateway
{
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventStream<BrokerOrder> _silentOrders = new();
    private readonly EventStream<BrokerTrade> _silentTrades = new();
    private int _orders;

    public Task Crashed => _crashed.Task;

    public string Name => inner.Name;

    public EventStream<BrokerOrder> OrderUpdates => forwardPushes ? inner.OrderUpdates : _silentOrders;

    public EventStream<BrokerTrade> Trades => forwardPushes ? inner.Trades : _silentTrades;

    public async Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _orders) < crashOnOrder)
        {
            return await inner.PlaceAsync(request, cancellationToken);
        }

        if (point == CrashPoint.AfterBroker)
        {
            await inner.PlaceAsync(request, cancellationToken);
        }

        _crashed.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken) => inner.ModifyAsync(request, cancellationToken);

    public Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken) => inner.CancelAsync(brokerOrderId, cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken) => inner.GetOrderBookAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken) => inner.GetTradeBookAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) => inner.GetHoldingsAsync(cancellationToken);

    public Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken) => inner.GetFundsAsync(cancellationToken);

    public Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken) => inner.CheckMarginAsync(request, cancellationToken);
}

/// <summary>A risk decision that allows every order whole, as one slice, so a test exercises the desk and the store alone.</summary>
internal sealed class AllowAllDecider(IInstrumentCatalog catalog, decimal? lastPrice = null) : IOrderDecider
{
    public Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new OrderDecision(true, catalog.TryGet(request.Instrument, out var i) ? i : null, [], [request.Quantity], lastPrice));
}
