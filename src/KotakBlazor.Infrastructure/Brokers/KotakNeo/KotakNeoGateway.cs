using System.Threading.Channels;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Kotak Neo behind <see cref="IBrokerGateway"/>. Calls go through <see cref="KotakNeoRestClient"/>.
/// Order rows reach <see cref="OrderUpdates"/> from two sources: the order feed (its client calls
/// <see cref="PublishOrderUpdate"/> and <see cref="PublishTrade"/>) and reads of the order book
/// (<see cref="RefreshOrdersAsync"/>, run on demand and, by default, after every order call). Both pass
/// through one filter that publishes each order's changes once and in lifecycle order, whichever
/// source saw them first.
/// </summary>
public sealed partial class KotakNeoGateway : IBrokerGateway, IAsyncDisposable
{
    private readonly KotakNeoRestClient _client;
    private readonly KotakNeoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KotakNeoGateway> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BrokerOrder> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BrokerOrder> _published = new(StringComparer.Ordinal);
    private readonly HashSet<string> _publishedTrades = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Channel<bool> _refreshRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _refreshLoop;
    private int _disposed;

    /// <summary>Creates the gateway on a client it does not own.</summary>
    public KotakNeoGateway(KotakNeoRestClient client, KotakNeoOptions options, TimeProvider time, ILogger<KotakNeoGateway> logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => "Kotak Neo";

    /// <inheritdoc />
    public EventStream<BrokerOrder> OrderUpdates { get; } = new();

    /// <inheritdoc />
    public EventStream<BrokerTrade> Trades { get; } = new();

    /// <summary>The REST client (session state and budgets for the health panel).</summary>
    public KotakNeoRestClient Client => _client;

    /// <summary>When the order book was last read by a refresh.</summary>
    public DateTimeOffset? LastRefreshAt { get; private set; }

    /// <summary>Why the last refresh failed; null after a success.</summary>
    public BrokerError? LastRefreshError { get; private set; }

    /// <inheritdoc />
    public async Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        var result = await _client.PlaceAsync(request, cancellationToken);
        // After a timeout or a garbled answer too: the book will show whether the order exists.
        RequestRefresh();
        return result;
    }

    /// <inheritdoc />
    public async Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindOrderAsync(request.BrokerOrderId, cancellationToken);
        if (!found.IsSuccess)
        {
            return BrokerResult<string>.Fail(found.Error!);
        }

        var current = found.Value!;
        if (OrderLifecycle.IsFinal(current.Status))
        {
            // Final is final: the broker would only answer 1021.
            return BrokerResult<string>.Fail(BrokerErrorKind.NotFound, $"Order {current.BrokerOrderId} is {current.BrokerStatus}; it can no longer be modified.", KotakErrorCodes.OrderCompleted);
        }

        var result = await _client.ModifyAsync(current, request, cancellationToken);
        RequestRefresh();
        return result;
    }

    /// <inheritdoc />
    public async Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        var found = await FindOrderAsync(brokerOrderId, cancellationToken);
        if (!found.IsSuccess)
        {
            return BrokerResult<string>.Fail(found.Error!);
        }

        var current = found.Value!;
        var result = await _client.CancelAsync(brokerOrderId, current.AfterMarket, current.TradingSymbol, cancellationToken);
        RequestRefresh();
        return result;
    }

    /// <inheritdoc />
    public async Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken)
    {
        var book = await _client.GetOrderBookAsync(cancellationToken);
        if (book.IsSuccess)
        {
            Remember(book.Value!);
        }

        return book;
    }

    /// <inheritdoc />
    public async Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken)
    {
        var trades = await _client.GetTradeBookAsync(cancellationToken);
        return trades.IsSuccess ? BrokerResult<IReadOnlyList<BrokerTrade>>.Ok(await CompleteAsync(trades.Value!, cancellationToken)) : trades;
    }

    /// <inheritdoc />
    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) => _client.GetPositionsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) => _client.GetHoldingsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken) => _client.GetFundsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken) =>
        _client.CheckMarginAsync(request, cancellationToken);

    /// <summary>The last row seen of an order, from any source.</summary>
    public bool TryGetOrder(string brokerOrderId, out BrokerOrder row)
    {
        lock (_gate)
        {
            return _known.TryGetValue(brokerOrderId, out row!);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Once only: a host registering the gateway under two service types disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _refreshRequests.Writer.TryComplete();
        if (_refreshLoop is { } loop)
        {
            await loop;
        }

        _stopping.Dispose();
        _refreshGate.Dispose();
    }

    private async Task<BrokerResult<BrokerOrder>> FindOrderAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        if (TryGetOrder(brokerOrderId, out var known))
        {
            return BrokerResult<BrokerOrder>.Ok(known);
        }

        var book = await GetOrderBookAsync(cancellationToken);
        if (!book.IsSuccess)
        {
            return BrokerResult<BrokerOrder>.Fail(book.Error!);
        }

        return TryGetOrder(brokerOrderId, out var row)
            ? BrokerResult<BrokerOrder>.Ok(row)
            : BrokerResult<BrokerOrder>.Fail(BrokerErrorKind.NotFound, $"Kotak Neo has no order {brokerOrderId} in today's order book.", KotakErrorCodes.NotFoundOrExecuted);
    }

    /// <summary>Fills in what Kotak leaves out of trade rows (the token, sometimes the tag) from the orders they belong to.</summary>
    private async Task<IReadOnlyList<BrokerTrade>> CompleteAsync(IReadOnlyList<BrokerTrade> trades, CancellationToken cancellationToken)
    {
        bool Incomplete(BrokerTrade t) => (t.Instrument.Token == 0 || t.Tag is null) && !TryGetOrder(t.BrokerOrderId, out _);
        if (trades.Any(Incomplete))
        {
            await GetOrderBookAsync(cancellationToken);
        }

        return trades.Select(t => TryGetOrder(t.BrokerOrderId, out var order)
            ? t with
            {
                Instrument = t.Instrument.Token == 0 ? order.Instrument : t.Instrument,
                Tag = t.Tag ?? order.Tag,
                TradingSymbol = t.TradingSymbol.Length == 0 ? order.TradingSymbol : t.TradingSymbol,
            }
            : t).ToList();
    }

    private void Remember(IEnumerable<BrokerOrder> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows)
            {
                RememberLocked(row);
            }
        }
    }

    private BrokerOrder RememberLocked(BrokerOrder row)
    {
        if (_known.TryGetValue(row.BrokerOrderId, out var known))
        {
            // Keep what a sparser source left out, and never let an older view replace a newer one.
            row = row with { Tag = row.Tag ?? known.Tag, AfterMarket = row.AfterMarket || known.AfterMarket };
            if (!IsForward(known, row))
            {
                return row;
            }
        }

        _known[row.BrokerOrderId] = row;
        return row;
    }

    private static bool IsForward(BrokerOrder from, BrokerOrder to) =>
        OrderLifecycle.CanMove(from.Status, to.Status) && to.FilledQuantity >= from.FilledQuantity;
}
