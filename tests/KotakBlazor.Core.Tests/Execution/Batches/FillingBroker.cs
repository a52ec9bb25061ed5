using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>
/// A broker for placement tests: fills market orders at once at a price per contract (as the
/// paper broker does against its last quote), or holds them for the test to fill, or refuses
/// them; logs every order in the order it arrived.
/// </summary>
internal sealed class FillingBroker : IBrokerGateway
{
    private readonly object _sync = new();
    private readonly List<BrokerOrder> _book = [];
    private readonly List<BrokerOrderRequest> _placed = [];
    private int _next = 5000;
    private int _trades;

    public string Name => "Filling";

    public EventStream<BrokerOrder> OrderUpdates { get; } = new();

    public EventStream<BrokerTrade> Trades { get; } = new();

    /// <summary>Fill prices per contract; a contract not listed fills at 100.</summary>
    public Dictionary<InstrumentId, decimal> Prices { get; } = [];

    /// <summary>Orders for which this says true are left working until <see cref="FillHeld"/>.</summary>
    public Func<BrokerOrderRequest, bool> Hold { get; set; } = _ => false;

    /// <summary>A refusal reason for an order, or null to take it.</summary>
    public Func<BrokerOrderRequest, string?> Refuse { get; set; } = _ => null;

    /// <summary>Called with every order taken, and how many were taken so far (including it).</summary>
    public Action<BrokerOrderRequest, int>? OnPlaced { get; set; }

    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    /// <summary>Every order taken, in arrival order.</summary>
    public IReadOnlyList<BrokerOrderRequest> Placed
    {
        get
        {
            lock (_sync)
            {
                return [.. _placed];
            }
        }
    }

    public IReadOnlyList<BrokerOrder> Book
    {
        get
        {
            lock (_sync)
            {
                return [.. _book];
            }
        }
    }

    public Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        BrokerOrder row;
        int count;
        lock (_sync)
        {
            if (Refuse(request) is { } reason)
            {
                return Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.Refused, reason));
            }

            var id = (_next++).ToString(CultureInfo.InvariantCulture);
            row = new BrokerOrder(id, request.Tag, request.Instrument, request.TradingSymbol, request.Side, request.Type, request.Product, request.Quantity,
                0, request.Price, request.TriggerPrice, 0m, OrderStatus.Open, "open", null, Now);
            _book.Add(row);
            _placed.Add(request);
            count = _placed.Count;
        }

        OnPlaced?.Invoke(request, count);
        if (!Hold(request))
        {
            // Like the paper broker against its last quote: the fill is pushed before the answer returns.
            Fill(row.BrokerOrderId);
        }

        return Task.FromResult(BrokerResult<string>.Ok(row.BrokerOrderId));
    }

    /// <summary>Fills every held order.</summary>
    public void FillHeld()
    {
        foreach (var row in Book.Where(o => o.Status == OrderStatus.Open))
        {
            Fill(row.BrokerOrderId);
        }
    }

    private void Fill(string brokerOrderId)
    {
        BrokerOrder filled;
        lock (_sync)
        {
            var index = _book.FindIndex(o => o.BrokerOrderId == brokerOrderId);
            var price = Prices.GetValueOrDefault(_book[index].Instrument, 100m);
            filled = _book[index] with { FilledQuantity = _book[index].Quantity, AveragePrice = price, Status = OrderStatus.Filled, BrokerStatus = "complete", UpdatedAt = Now };
            _book[index] = filled;
        }

        Trades.Publish(new BrokerTrade($"T{Interlocked.Increment(ref _trades)}", filled.BrokerOrderId, filled.Tag, filled.Instrument, filled.TradingSymbol,
            filled.Side, filled.Product, filled.Quantity, filled.AveragePrice, Now));
        OrderUpdates.Publish(filled);
    }

    public Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<string>.Ok(request.BrokerOrderId));

    public Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        BrokerOrder cancelled;
        lock (_sync)
        {
            var index = _book.FindIndex(o => o.BrokerOrderId == brokerOrderId);
            if (index < 0 || OrderLifecycle.IsFinal(_book[index].Status))
            {
                return Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.NotFound, "order not open"));
            }

            cancelled = _book[index] with { Status = OrderStatus.Cancelled, BrokerStatus = "cancelled" };
            _book[index] = cancelled;
        }

        OrderUpdates.Publish(cancelled);
        return Task.FromResult(BrokerResult<string>.Ok(brokerOrderId));
    }

    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrder>>.Ok(Book));

    public Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerTrade>>.Ok([]));

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerPosition>>.Ok([]));

    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerHolding>>.Ok([]));

    public Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<BrokerFunds>.Ok(new BrokerFunds(1_000_000m, 0m, 0m)));

    public Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<MarginEstimate>.Ok(new MarginEstimate(0m, 1_000_000m, "filling broker")));
}
