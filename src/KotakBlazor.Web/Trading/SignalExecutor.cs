using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Turns the signals of strategies set to auto-execute into orders, through the same risk
/// checks and kill switch as every other path. Entries: one leg goes as one order (with its
/// stop-loss and target resting at the broker once it fills); several legs go as a group,
/// hedges first, unwound if a leg fails. Exits only ever sell what the strategy bought (or buy
/// back what it sold): never a holding it did not trade. Other strategies' signals wait for a
/// person on the screen.
/// </summary>
public sealed partial class SignalExecutor(
    KernelEventStreams events,
    TradingKernel kernel,
    OrderManager orders,
    OrderGroupExecutor groups,
    ProtectiveOrders protective,
    IInstrumentCatalog instruments,
    TradingReadiness readiness,
    ExecutionOptions options,
    ILogger<SignalExecutor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var signals = events.Signals.Subscribe(4096);
        using var changes = orders.Changes.Subscribe(8192);
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        await Task.WhenAll(ExecuteSignalsAsync(signals, stoppingToken), WatchProtectiveAsync(changes, stoppingToken));
    }

    /// <summary>Executes one signal if its strategy auto-executes; returns what was done, in words.</summary>
    public async Task<string> ExecuteAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var status = kernel.Core.Strategies.FirstOrDefault(s => s.Id == signal.StrategyId);
        if (status is not { Config.AutoExecute: true })
        {
            return "waits for a person";
        }

        var actor = "strategy:" + signal.StrategyName;
        var key = $"signal:{signal.StrategyId:N}:{signal.Time.ToUnixTimeMilliseconds()}";
        var legs = signal.Kind == SignalKind.Exit ? await ExitLegsAsync(signal, cancellationToken) : signal.Legs;
        if (legs.Count == 0)
        {
            return "nothing the strategy holds to exit";
        }

        var purpose = signal.Kind == SignalKind.Exit ? OrderPurpose.Exit : OrderPurpose.Entry;
        var requests = legs.Select((leg, i) => new OrderRequest(leg.Instrument, leg.Side, leg.Quantity, leg.OrderType, signal.Product,
            leg.OrderType is OrderType.Limit or OrderType.StopLoss ? leg.Price : null, null, OrderSource.Strategy, actor, purpose, signal.StrategyId,
            IdempotencyKey: legs.Count == 1 ? key : null)).ToList();
        if (requests.Count > 1)
        {
            var report = await groups.PlaceAsync([.. requests.Select(r => r with { IdempotencyKey = key })], cancellationToken);
            return report.Succeeded ? $"group of {requests.Count} legs filled" : $"group failed: {report.Failure}";
        }

        var outcome = await orders.SubmitAsync(requests[0], cancellationToken);
        if (outcome.Accepted && signal.Kind == SignalKind.Entry && (signal.StopLoss is not null || signal.Target is not null)
            && instruments.TryGet(requests[0].Instrument, out var instrument))
        {
            var entry = await orders.WaitForSettledAsync(outcome.Orders[0].Id, TimeSpan.FromSeconds(options.LegFillTimeoutSeconds), cancellationToken);
            await protective.PlaceAsync(entry, instrument, signal.StopLoss, signal.Target, actor, cancellationToken);
        }

        return outcome.Message;
    }

    /// <summary>The exit legs capped to what the strategy holds, after its resting stops and targets are cancelled.</summary>
    private async Task<IReadOnlyList<SignalLeg>> ExitLegsAsync(Signal signal, CancellationToken cancellationToken)
    {
        var legs = new List<SignalLeg>();
        foreach (var leg in signal.Legs)
        {
            await protective.CancelForAsync(signal.StrategyId, leg.Instrument, cancellationToken);
            // From the desk's orders, which the cancel has just refreshed from the broker's book: a stop that filled
            // a moment ago counts here even before its trade reaches the position book, so an exit never reverses a position.
            var held = orders.Orders.Where(o => o.StrategyId == signal.StrategyId && o.Instrument == leg.Instrument)
                .Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity);
            var reduces = leg.Side == OrderSide.Sell ? held > 0 : held < 0;
            if (!reduces)
            {
                LogNothingToExit(logger, signal.StrategyName, leg.TradingSymbol, held);
                continue;
            }

            legs.Add(leg with { Quantity = Math.Min(leg.Quantity, Math.Abs(held)) });
        }

        return legs;
    }

    private Task ExecuteSignalsAsync(Core.Messaging.EventStream<Signal>.Subscription signals, CancellationToken cancellationToken) =>
        signals.ForEachAsync(
            async signal => LogExecuted(logger, signal.Summary, await ExecuteAsync(signal, cancellationToken)),
            (ex, signal) => LogFailed(logger, ex, signal.Summary),
            cancellationToken);

    private Task WatchProtectiveAsync(Core.Messaging.EventStream<Order>.Subscription changes, CancellationToken cancellationToken) =>
        changes.ForEachAsync(order => protective.OnOrderChangedAsync(order, cancellationToken), (ex, order) => LogFailed(logger, ex, order.Summary), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Signal}: {Result}")]
    private static partial void LogExecuted(ILogger logger, string signal, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Executing {What} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {Strategy} exits {Symbol} but holds {Held}: nothing sent (a strategy never sells what it did not buy)")]
    private static partial void LogNothingToExit(ILogger logger, string strategy, string symbol, int held);
}
