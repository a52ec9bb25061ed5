using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Reconciliation;

/// <summary>
/// Compares what the system believes with what the broker says: open orders against the
/// order book (fills, rejections with reasons, cancellations), trades, positions and holdings.
/// Whatever the broker holds that the system did not trade is a manual trade: recorded, kept
/// apart, and shown to the trader to adopt or ignore.
/// </summary>
/// <param name="orders">The order desk.</param>
/// <param name="manualTrades">Where manual trades are kept.</param>
/// <param name="systemNet">The system-tracked net quantity per instrument and product (the position book).</param>
/// <param name="clock">The time source.</param>
public sealed class Reconciler(
    OrderManager orders,
    IManualTradeStore manualTrades,
    Func<CancellationToken, Task<IReadOnlyDictionary<(InstrumentId Instrument, ProductType Product), int>>> systemNet,
    TimeProvider clock)
{
    /// <summary>Manual trades seen for the first time (or whose quantity changed).</summary>
    public EventStream<ManualTrade> ManualTradesDetected { get; } = new();

    /// <summary>The latest run's report.</summary>
    public ReconciliationReport? LastReport { get; private set; }

    /// <summary>Runs one reconciliation. Broker failures are reported, not thrown: the next run tries again.</summary>
    public async Task<ReconciliationReport> RunAsync(string actor, CancellationToken cancellationToken)
    {
        var gateway = orders.Gateway;
        var problems = new List<string>();
        var detected = new List<ManualTrade>();
        var known = (await manualTrades.LoadAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var checkedOrders = 0;

        // Orders placed while the book is read are not in it: they must not look missing (expired) to this run.
        var bookReadAt = clock.GetUtcNow();
        var book = await gateway.GetOrderBookAsync(cancellationToken).ConfigureAwait(false);
        if (book.IsSuccess)
        {
            checkedOrders = orders.Orders.Count(o => OrderLifecycle.IsActive(o.Status));
            var foreign = await orders.ReconcileOrdersAsync(book.Value!, actor, cancellationToken, bookReadAt).ConfigureAwait(false);
            foreach (var row in foreign.Where(r => r.FilledQuantity > 0))
            {
                var signed = row.Side == OrderSide.Buy ? row.FilledQuantity : -row.FilledQuantity;
                var existing = known.FirstOrDefault(m => m.Kind == ManualTradeKind.Order && m.BrokerOrderId == row.BrokerOrderId);
                if (existing is null || existing.Quantity != signed)
                {
                    detected.Add(await RecordAsync(new ManualTrade(existing?.Id ?? Guid.NewGuid(), ManualTradeKind.Order, row.Instrument, row.TradingSymbol, row.Product,
                        signed, row.AveragePrice, row.BrokerOrderId, existing?.DetectedAt ?? clock.GetUtcNow()), known, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        else
        {
            problems.Add("Order book: " + book.Error!.Message);
        }

        var trades = await gateway.GetTradeBookAsync(cancellationToken).ConfigureAwait(false);
        if (trades.IsSuccess)
        {
            foreach (var trade in trades.Value!)
            {
                await orders.ApplyBrokerTradeAsync(trade, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            problems.Add("Trade book: " + trades.Error!.Message);
        }

        var positions = await gateway.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
        if (positions.IsSuccess)
        {
            var net = await systemNet(cancellationToken).ConfigureAwait(false);
            foreach (var position in positions.Value!)
            {
                var system = net.TryGetValue((position.Instrument, position.Product), out var q) ? q : 0;
                var same = known.Where(m => m.Instrument == position.Instrument && m.Product == position.Product).ToList();
                // Manual orders found above explain part of the broker's quantity, and so do position differences a trader chose to
                // ignore; adopted ones are in the system's net already. What is left is new.
                var explained = same.Where(m => m.Kind == ManualTradeKind.Order && m.Status != ManualTradeStatus.Adopted).Sum(m => m.Quantity)
                    + same.Where(m => m.Kind == ManualTradeKind.Position && m.Status == ManualTradeStatus.Ignored).Sum(m => m.Quantity);
                var unexplained = position.NetQuantity - system - explained;
                var pending = same.FirstOrDefault(m => m.Kind == ManualTradeKind.Position && m.Status == ManualTradeStatus.New);
                if (unexplained != 0 && pending?.Quantity != unexplained)
                {
                    var average = position.NetQuantity == 0 ? (decimal?)null : Math.Abs((position.BuyAmount - position.SellAmount) / position.NetQuantity);
                    detected.Add(await RecordAsync(new ManualTrade(pending?.Id ?? Guid.NewGuid(), ManualTradeKind.Position, position.Instrument, position.TradingSymbol,
                        position.Product, unexplained, average, null, pending?.DetectedAt ?? clock.GetUtcNow()), known, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        else
        {
            problems.Add("Positions: " + positions.Error!.Message);
        }

        var holdings = await gateway.GetHoldingsAsync(cancellationToken).ConfigureAwait(false);
        if (holdings.IsSuccess)
        {
            foreach (var holding in holdings.Value!.Where(h => h.Quantity != 0))
            {
                var existing = known.FirstOrDefault(m => m.Kind == ManualTradeKind.Holding && m.Instrument == holding.Instrument);
                if (existing is null)
                {
                    detected.Add(await RecordAsync(new ManualTrade(Guid.NewGuid(), ManualTradeKind.Holding, holding.Instrument, holding.TradingSymbol,
                        ProductType.Cnc, holding.Quantity, holding.AveragePrice, null, clock.GetUtcNow()), known, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        else
        {
            problems.Add("Holdings: " + holdings.Error!.Message);
        }

        var report = new ReconciliationReport(clock.GetUtcNow(), checkedOrders, detected, problems);
        LastReport = report;
        return report;
    }

    private async Task<ManualTrade> RecordAsync(ManualTrade trade, List<ManualTrade> known, CancellationToken cancellationToken)
    {
        var stored = await manualTrades.RecordAsync(trade, cancellationToken).ConfigureAwait(false);
        known.RemoveAll(m => m.Id == stored.Id);
        known.Add(stored);
        ManualTradesDetected.Publish(stored);
        return stored;
    }
}

/// <summary>One reconciliation's result.</summary>
/// <param name="Time">When it ran.</param>
/// <param name="OrdersChecked">Active orders compared with the broker's book.</param>
/// <param name="ManualTradesFound">Manual trades found (new, or changed) in this run.</param>
/// <param name="Problems">Broker calls that failed (the next run tries again).</param>
public sealed record ReconciliationReport(DateTimeOffset Time, int OrdersChecked, IReadOnlyList<ManualTrade> ManualTradesFound, IReadOnlyList<string> Problems)
{
    /// <summary>True when every broker call answered.</summary>
    public bool IsComplete => Problems.Count == 0;
}
