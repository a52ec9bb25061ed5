using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Execution;

public sealed partial class OrderManager
{
    /// <summary>Most broker pushes stored in one write.</summary>
    private const int PushesPerWrite = 64;

    /// <summary>
    /// Listens to the broker's order and trade pushes until cancelled. One listener for both: a fill
    /// usually comes as a status push and a trade push together, and whatever has arrived by the time
    /// the desk's lock is free is stored in one write (ADR 0016), so the next order waits for one
    /// write instead of two.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var updates = _gateway.OrderUpdates.Subscribe(8192);
        using var trades = _gateway.Trades.Subscribe(8192);
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

                await ApplyPushesAsync(updates, trades, cancellationToken).ConfigureAwait(false);
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
    }

    private static bool Closed(Task<bool> ready) => ready.IsCompletedSuccessfully && !ready.Result;

    /// <summary>Stores what has arrived in one write; when that write fails, each push is tried alone, so a bad one costs only itself.</summary>
    private async Task ApplyPushesAsync(EventStream<BrokerOrder>.Subscription updates, EventStream<BrokerTrade>.Subscription trades, CancellationToken cancellationToken)
    {
        var taken = new List<object>();
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new PushBatch(this);
            // Status pushes before trades: a fill's status then its trade, as the broker sends them.
            while (taken.Count < PushesPerWrite && updates.Reader.TryRead(out var row))
            {
                taken.Add(row);
                Work(() => batch.AddOrderRow(row, "broker", statusCheck: false), row);
            }

            while (taken.Count < PushesPerWrite && trades.Reader.TryRead(out var trade))
            {
                taken.Add(trade);
                Work(() => batch.AddTrade(trade), trade);
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
            LogUpdateFailed(_logger, ex, string.Join(", ", taken));
            return;
        }
        finally
        {
            _lock.Release();
        }

        foreach (var push in taken)
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
