using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Publishing order rows and trades: one filter for the order feed and for order-book reads.</summary>
public sealed partial class KotakNeoGateway
{
    /// <summary>
    /// Publishes an order row (the order feed calls this for every order message). Returns false when the
    /// row says nothing new, or is older than what was already published (a poll answered after a push).
    /// </summary>
    public bool PublishOrderUpdate(BrokerOrder row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            row = RememberLocked(row);
            if (_published.TryGetValue(row.BrokerOrderId, out var last) && (!IsForward(last, row) || SameState(last, row)))
            {
                return false;
            }

            _published[row.BrokerOrderId] = row;
            // Inside the lock, so two sources cannot interleave one order's rows out of order.
            OrderUpdates.Publish(row);
            return true;
        }
    }

    /// <summary>Publishes a trade once (the order feed or a refresh may both report it).</summary>
    public bool PublishTrade(BrokerTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        lock (_gate)
        {
            if (!_publishedTrades.Add(trade.TradeId))
            {
                return false;
            }

            Trades.Publish(trade);
            return true;
        }
    }

    /// <summary>
    /// Reads the order book and publishes what changed since the last look. When an order's state moved
    /// (or a new order is already past open), its history is read too, so that states the look skipped
    /// (open before complete) are published in order. New fills bring a read of the trade book.
    /// The value is how many rows were published.
    /// </summary>
    public async Task<BrokerResult<int>> RefreshOrdersAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var book = await _client.GetOrderBookAsync(cancellationToken);
            LastRefreshAt = _time.GetUtcNow();
            LastRefreshError = book.Error;
            if (!book.IsSuccess)
            {
                return BrokerResult<int>.Fail(book.Error!);
            }

            var published = 0;
            var fillsMoved = false;
            foreach (var row in book.Value!)
            {
                BrokerOrder? last;
                lock (_gate)
                {
                    last = _published.GetValueOrDefault(row.BrokerOrderId);
                }

                if (last is not null && SameState(last, row))
                {
                    continue;
                }

                if (_options.ReadHistoryForStateChanges && row.Status != (last?.Status ?? OrderStatus.Open))
                {
                    published += await PublishSkippedStatesAsync(row, last?.Status, cancellationToken);
                }

                published += PublishOrderUpdate(row) ? 1 : 0;
                fillsMoved |= row.FilledQuantity != (last?.FilledQuantity ?? 0);
            }

            if (fillsMoved)
            {
                await PublishTradesAsync(cancellationToken);
            }

            return BrokerResult<int>.Ok(published);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// Takes an order the order feed pushed: publishes it, and when it shows more units traded than the view
    /// published before, reads the trade book so the fills reach the desk now. The feed carries no trade ids,
    /// and a later refresh would see the same state and skip the trade book.
    /// </summary>
    /// <returns>Whether the row said something new.</returns>
    public async Task<bool> PublishPushedOrderAsync(BrokerOrder row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        int filledBefore;
        lock (_gate)
        {
            filledBefore = _published.GetValueOrDefault(row.BrokerOrderId)?.FilledQuantity ?? 0;
        }

        if (!PublishOrderUpdate(row))
        {
            return false;
        }

        if (row.FilledQuantity > filledBefore)
        {
            await PublishTradesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Reads the trade book and publishes the trades not published yet.</summary>
    private async Task PublishTradesAsync(CancellationToken cancellationToken)
    {
        var trades = await GetTradeBookAsync(cancellationToken);
        foreach (var trade in trades.Value ?? [])
        {
            PublishTrade(trade);
        }

        if (!trades.IsSuccess)
        {
            _logger.LogWarning("Kotak Neo trade book could not be read after new fills: {Error}", trades.Error);
        }
    }

    private async Task<int> PublishSkippedStatesAsync(BrokerOrder row, OrderStatus? lastStatus, CancellationToken cancellationToken)
    {
        var history = await _client.GetOrderHistoryAsync(row.BrokerOrderId, cancellationToken);
        if (!history.IsSuccess)
        {
            _logger.LogWarning("Kotak Neo history of order {OrderId} could not be read: {Error}", row.BrokerOrderId, history.Error);
            return 0;
        }

        var published = 0;
        var previous = lastStatus;
        foreach (var state in history.Value!)
        {
            // Each status once: "put order req received", "validation pending" and "open" are all Open to us.
            if (state.Status == previous)
            {
                continue;
            }

            if (PublishOrderUpdate(state with { Tag = state.Tag ?? row.Tag, AfterMarket = state.AfterMarket || row.AfterMarket }))
            {
                published++;
                previous = state.Status;
            }
        }

        return published;
    }

    /// <summary>Asks for a refresh in the background; requests made while one is waiting are folded into it.</summary>
    private void RequestRefresh()
    {
        if (!_options.RefreshOrdersAfterOrderCalls || _stopping.IsCancellationRequested)
        {
            return;
        }

        lock (_gate)
        {
            _refreshLoop ??= Task.Run(() => RefreshLoopAsync(_stopping.Token));
        }

        _refreshRequests.Writer.TryWrite(true);
    }

    private async Task RefreshLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (await _refreshRequests.Reader.WaitToReadAsync(stopping))
            {
                _refreshRequests.Reader.TryRead(out _);
                var result = await RefreshOrdersAsync(stopping);
                if (!result.IsSuccess)
                {
                    _logger.LogWarning("Kotak Neo order book refresh failed: {Error}", result.Error);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static bool SameState(BrokerOrder a, BrokerOrder b) =>
        a.Status == b.Status
        && string.Equals(a.BrokerStatus, b.BrokerStatus, StringComparison.OrdinalIgnoreCase)
        && a.Quantity == b.Quantity
        && a.FilledQuantity == b.FilledQuantity
        && a.Price == b.Price
        && a.TriggerPrice == b.TriggerPrice
        && a.AveragePrice == b.AveragePrice
        && a.RejectReason == b.RejectReason;
}
