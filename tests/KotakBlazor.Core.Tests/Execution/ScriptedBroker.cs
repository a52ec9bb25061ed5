using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Execution;

/// <summary>
/// A broker for the desk's unit tests: keeps an order book, answers with scripted failures,
/// and fills orders when told to. The paper broker and Kotak's gateway are tested against the
/// real contract suite in Infrastructure.
/// </summary>
internal sealed class ScriptedBroker : IBrokerGateway
{
    private readonly object _sync = new();
    private readonly List<BrokerOrder> _book = [];
    private readonly Queue<BrokerErrorKind> _failures = new();
    private readonly HashSet<BrokerErrorKind> _placeButReport = [BrokerErrorKind.Unknown];
    private int _next = 1000;
    private int _trades;

    public string Name => "Scripted";

    public EventStream<BrokerOrder> OrderUpdates { get; } = new();

    public EventStream<BrokerTrade> Trades { get; } = new();

    /// <summary>Called inside PlaceAsync, before the order is accepted: lets a test look at the store at that moment.</summary>
    public Action<BrokerOrderRequest>? OnPlace { get; set; }

    /// <summary>Refuse every order with this reason.</summary>
    public string? RefuseWith { get; set; }

    /// <summary>Fill market orders at once at this price.</summary>
    public decimal? FillMarketAt { get; set; }

    public int PlaceCalls { get; private set; }

    /// <summary>When set, every order placed fills at once at this price, its pushes sent before PlaceAsync answers.</summary>
    public decimal? FillOnPlace { get; set; }

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

    public void FailNext(BrokerErrorKind kind, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(kind);
        }
    }

    public Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        OnPlace?.Invoke(request);
        lock (_sync)
        {
            PlaceCalls++;
            if (_book.Any(o => o.Tag == request.Tag))
            {
                return Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.Refused, "Duplicate tag"));
            }

            if (_failures.TryDequeue(out var failure) && !_placeButReport.Contains(failure))
            {
                return Task.FromResult(BrokerResult<string>.Fail(failure, $"scripted {failure}"));
            }

            if (RefuseWith is { } reason)
            {
                return Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.Refused, reason));
            }

            var id = (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var row = new BrokerOrder(id, request.Tag, request.Instrument, request.TradingSymbol, request.Side, request.Type, request.Product, request.Quantity,
                0, request.Price, request.TriggerPrice, 0m, OrderStatus.Open, "open", null, DateTimeOffset.UnixEpoch);
            _book.Add(row);
            if (failure == BrokerErrorKind.Unknown)
            {
                // The order is at the broker, but the answer was lost on the way back.
                return Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.Unknown, "timeout"));
            }

            if (FillOnPlace is { } price)
            {
                // As the paper broker does with a market order: filled, and pushed, before the answer.
                Fill(id, price, DateTimeOffset.UnixEpoch);
            }

            return Task.FromResult(BrokerResult<string>.Ok(id));
        }
    }

    /// <summary>Fills an order completely and pushes the update and the trade.</summary>
    public BrokerOrder Fill(string brokerOrderId, decimal price, DateTimeOffset time)
    {
        BrokerOrder filled;
        lock (_sync)
        {
            var index = _book.FindIndex(o => o.BrokerOrderId == brokerOrderId);
            filled = _book[index] with { FilledQuantity = _book[index].Quantity, AveragePrice = price, Status = OrderStatus.Filled, BrokerStatus = "complete", UpdatedAt = time };
            _book[index] = filled;
        }

        Trades.Publish(new BrokerTrade($"T{Interlocked.Increment(ref _trades)}", filled.BrokerOrderId, filled.Tag, filled.Instrument, filled.TradingSymbol,
            filled.Side, filled.Product, filled.Quantity, price, time));
        OrderUpdates.Publish(filled);
        return filled;
    }

    /// <summary>Rejects an open order and pushes the update.</summary>
    public BrokerOrder Reject(string brokerOrderId, string reason)
    {
        lock (_sync)
        {
            var index = _book.FindIndex(o => o.BrokerOrderId == brokerOrderId);
            _book[index] = _book[index] with { Status = OrderStatus.Rejected, BrokerStatus = "rejected", RejectReason = reason };
            OrderUpdates.Publish(_book[index]);
            return _book[index];
        }
    }

    /// <summary>Adds an order placed outside the system (no tag), filled.</summary>
    public BrokerOrder AddManual(BrokerOrder row)
    {
        lock (_sync)
        {
            _book.Add(row);
            return row;
        }
    }

    public Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(BrokerResult<string>.Ok(request.BrokerOrderId));

    public Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var index = _book.FindIndex(o => o.BrokerOrderId == brokerOrderId);
            if (index < 0 || OrderLifecycle.IsFinal(_book[index].Status))
            {
                return Task.FromResult(BrokerResult<string>.Fail(BrokerErrorKind.NotFound, "order not open"));
            }

            _book[index] = _book[index] with { Status = OrderStatus.Cancelled, BrokerStatus = "cancelled" };
            return Task.FromResult(BrokerResult<string>.Ok(brokerOrderId));
        }
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
        Task.FromResult(BrokerResult<MarginEstimate>.Ok(new MarginEstimate(0m, 1_000_000m, "scripted")));
}
