using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>Most broker pushes stored in one write.</summary>
    private const int PushesPerWrite = 64;

    // The listener's queues, kept so that an acknowledgement can take the pushes that came with it.
    private EventStream<BrokerOrder>.Subscription? _updates;
    private EventStream<BrokerTrade>.Subscription? _trades;

    /// <summary>
    /// Listens to the broker's order and trade pushes until cancelled. One listener for both: a fill
    /// usually comes as a status push and a trade push together, and whatever has arrived by the time
    /// the desk's lock is free is stored in one write (ADR 0016), so the next order waits for one
    /// write instead of two.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (updates, trades) = OpenPushQueues();
        using var ownedUpdates = updates;
        using var ownedTrades = trades;
        var updatesReady = updates.Reader.WaitToReadAsync(cancellationToken).AsTask();
        var tradesReady = trades.Reader.WaitToReadAsync(cancellationToken).AsTask();
        try
        {
            while (true)
            {
                await Task.WhenAny(updatesReady, tradesReady).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (Closed(updatesReady) || Closed(tradesReady))
                {
                    // Only disposing the subscriptions, below, closes them.
                    return;
                }

                await ApplyPushesAsync(cancellationToken).ConfigureAwait(false);
                if (updatesReady.IsCompleted)
                {
                    updatesReady = updates.Reader.WaitToReadAsync(cancellationToken).AsTask();
                }

                if (tradesReady.IsCompleted)
                {
                    tradesReady = trades.Reader.WaitToReadAsync(cancellationToken).AsTask();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            Volatile.Write(ref _updates, null);
            Volatile.Write(ref _trades, null);
        }
    }

    /// <summary>Subscribes to the broker's pushes; <see cref="RunAsync"/> listens on them (tests open them alone to see what an acknowledgement takes along).</summary>
    internal (EventStream<BrokerOrder>.Subscription Updates, EventStream<BrokerTrade>.Subscription Trades) OpenPushQueues()
    {
        var updates = _gateway.OrderUpdates.Subscribe(8192);
        var trades = _gateway.Trades.Subscribe(8192);
        Volatile.Write(ref _updates, updates);
        Volatile.Write(ref _trades, trades);
        return (updates, trades);
    }

    private static bool Closed(Task<bool> ready) => ready.IsCompletedSuccessfully && !ready.Result;

    /// <summary>Stores what has arrived in one write; when that write fails, each push is tried alone, so a bad one costs only itself.</summary>
    private async Task ApplyPushesAsync(CancellationToken cancellationToken)
    {
        List<object> taken = [];
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new PushBatch(this);
            taken = DrainPushes(batch);
            if (taken.Count == 0)
            {
                // An acknowledgement took them first.
                return;
            }

            try
            {
                await CommitAllAsync(batch.Changes, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && taken.Count > 1)
            {
                LogBatchFailed(_logger, ex, taken.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad update must not stop the listener; reconciliation repairs what was missed.
            LogUpdateFailed(_logger, ex, string.Join(", ", taken));
            return;
        }
        finally
        {
            _lock.Release();
        }

        await StoreAloneAsync(taken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Works the pushes waiting in the listener's queues into <paramref name="batch"/> (status pushes before trades, as the broker sends a fill). Call under the lock.</summary>
    private List<object> DrainPushes(PushBatch batch)
    {
        var taken = new List<object>();
        var updates = Volatile.Read(ref _updates);
        var trades = Volatile.Read(ref _trades);
        while (updates is not null && taken.Count < PushesPerWrite && updates.Reader.TryRead(out var row))
        {
            taken.Add(row);
            Work(() => batch.AddOrderRow(row, "broker", statusCheck: false), row);
        }

        while (trades is not null && taken.Count < PushesPerWrite && trades.Reader.TryRead(out var trade))
        {
            taken.Add(trade);
            Work(() => batch.AddTrade(trade), trade);
        }

        return taken;
    }

    /// <summary>Applies pushes one write each (after a batch that could not be stored). Call without the lock.</summary>
    private async Task StoreAloneAsync(IEnumerable<object> pushes, CancellationToken cancellationToken)
    {
        foreach (var push in pushes)
        {
            try
            {
                _ = push is BrokerOrder row
                    ? await ApplyBrokerOrderAsync(row, "broker", statusCheck: false, cancellationToken).ConfigureAwait(false)
                    : await ApplyBrokerTradeAsync((BrokerTrade)push, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad update must not stop the listener; reconciliation repairs what was missed.
                LogUpdateFailed(_logger, ex, push.ToString() ?? "?");
            }
        }
    }

    /// <summary>Works one push into the batch; one that cannot be worked out is reported and left out.</summary>
    private void Work(Func<bool> add, object push)
    {
        try
        {
            add();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUpdateFailed(_logger, ex, push.ToString() ?? "?");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A broker update could not be applied: {Update}")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, string update);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} broker updates could not be stored together; storing them one at a time")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
