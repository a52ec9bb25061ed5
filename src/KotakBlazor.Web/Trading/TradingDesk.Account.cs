using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;

namespace KotakBlazor.Web.Trading;

public sealed partial class TradingDesk
{
    /// <summary>
    /// Sends the market order that flattens a position, as a ticket exit. Refused when the position
    /// is no longer what the trader confirmed, or a close for it is still working: a second click
    /// must not turn a long into a short.
    /// </summary>
    public async Task<OrderOutcome> ClosePositionAsync(InstrumentId instrument, ProductType product, int confirmedNet, string idempotencyKey, CancellationToken cancellationToken)
    {
        var user = await GetUserAsync();
        if (user is null)
        {
            return OrderOutcome.Refused(["Sign in to trade."]);
        }

        var ticket = new OrderTicket(instrument, confirmedNet > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(confirmedNet), OrderType.Market, product, Purpose: OrderPurpose.Exit);
        if (TradingCommands.MayTrade(user))
        {
            var now = Portfolio.Positions.FirstOrDefault(p => p.Instrument == instrument && p.Product == product)?.NetQuantity ?? 0;
            if (confirmedNet == 0 || now != confirmedNet)
            {
                return OrderOutcome.Refused([$"The position is now {now}, not {confirmedNet} as you confirmed: nothing was sent. Look at it again."]);
            }

            if (orders.Orders.FirstOrDefault(o => o.Instrument == instrument && o.Product == product && o.Purpose == OrderPurpose.Exit
                    && o.Side == ticket.Side && OrderLifecycle.IsActive(o.Status) && o.Status != OrderStatus.Failed) is { } working)
            {
                return OrderOutcome.Refused([$"A close order for this position is still working ({working.BrokerOrderId ?? working.Tag}, {working.Status}): nothing more was sent."]);
            }
        }

        // The commands check the role (and audit a refusal) whatever happened above.
        return await commands.PlaceAsync(user, ticket, OrderSource.Ticket, idempotencyKey, cancellationToken);
    }

    /// <summary>Every manual trade, newest first.</summary>
    public Task<IReadOnlyList<ManualTrade>> LoadManualTradesAsync(CancellationToken cancellationToken) => manualTrades.LoadAsync(cancellationToken);

    /// <summary>Manual trades as reconciliation finds them; dispose to stop.</summary>
    public EventStream<ManualTrade>.Subscription SubscribeManualTrades() => reconciler.ManualTradesDetected.Subscribe(capacity: 256);

    /// <summary>Takes a manual trade into tracking: it counts as a system position (and may be sold by the system) from now on.</summary>
    public Task<TradingResult> AdoptAsync(Guid manualTradeId, CancellationToken cancellationToken) =>
        ResolveAsync(manualTradeId, ManualTradeStatus.Adopted, cancellationToken);

    /// <summary>Leaves a manual trade alone: the system never touches it.</summary>
    public Task<TradingResult> IgnoreAsync(Guid manualTradeId, CancellationToken cancellationToken) =>
        ResolveAsync(manualTradeId, ManualTradeStatus.Ignored, cancellationToken);

    /// <summary>The demat holdings, split into system-tracked and pre-existing quantities.</summary>
    public async Task<HoldingsView> LoadHoldingsAsync(CancellationToken cancellationToken)
    {
        var holdings = await orders.Gateway.GetHoldingsAsync(cancellationToken);
        if (!holdings.IsSuccess)
        {
            return new HoldingsView([], [], holdings.Error!.Message);
        }

        var known = await manualTrades.LoadAsync(cancellationToken);
        var tracked = new List<BrokerHolding>();
        var preExisting = new List<BrokerHolding>();
        foreach (var holding in holdings.Value!.Where(h => h.Quantity != 0))
        {
            // A holding can be partly both: what was there before stays apart even after the system buys more.
            var before = known.Where(m => m.Kind == ManualTradeKind.Holding && m.Status != ManualTradeStatus.Adopted && m.Instrument == holding.Instrument)
                .Sum(m => m.Quantity);
            before = Math.Clamp(before, 0, holding.Quantity);
            if (before > 0)
            {
                preExisting.Add(holding with { Quantity = before });
            }

            if (holding.Quantity - before > 0)
            {
                tracked.Add(holding with { Quantity = holding.Quantity - before });
            }
        }

        return new HoldingsView(tracked, preExisting, null);
    }

    /// <summary>Cash and margin as the broker reports them.</summary>
    public Task<BrokerResult<BrokerFunds>> LoadFundsAsync(CancellationToken cancellationToken) => orders.Gateway.GetFundsAsync(cancellationToken);

    private async Task<TradingResult> ResolveAsync(Guid manualTradeId, ManualTradeStatus status, CancellationToken cancellationToken)
    {
        var verb = status == ManualTradeStatus.Adopted ? "adopt" : "ignore";
        var user = await GetUserAsync();
        if (user is null)
        {
            return TradingResult.Refused("Sign in to trade.");
        }

        if (!TradingCommands.MayTrade(user))
        {
            await audit.WriteAsync(user.UserName, $"manual-trade.{verb}-refused", $"Role {user.Role} may not {verb} manual trades", null, cancellationToken);
            return TradingResult.Refused($"Your role ({user.Role}) may not {verb} manual trades.");
        }

        var trade = (await manualTrades.LoadAsync(cancellationToken)).FirstOrDefault(m => m.Id == manualTradeId);
        if (trade is null)
        {
            return TradingResult.Refused("That manual trade is no longer on record.");
        }

        if (trade.Status != ManualTradeStatus.New)
        {
            return TradingResult.Refused($"It was {trade.Status.ToString().ToLowerInvariant()} already by {trade.ResolvedBy ?? "someone"}.");
        }

        var what = $"{trade.Kind} {trade.TradingSymbol} {trade.Product.ToString().ToUpperInvariant()} quantity {trade.Quantity}";
        if (status == ManualTradeStatus.Adopted)
        {
            // Adopting twice adds nothing (the desk keys it by the trade), so a failure after this line can be retried safely.
            await orders.AdoptAsync(trade, trade.TradingSymbol, user.UserName, cancellationToken);
        }

        await manualTrades.ResolveAsync(trade.Id, status, user.UserName, clock.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(user.UserName, $"manual-trade.{(status == ManualTradeStatus.Adopted ? "adopted" : "ignored")}", what, null, cancellationToken);
        return TradingResult.Done(status == ManualTradeStatus.Adopted
            ? $"Adopted {what}: it counts as a system position from now on."
            : $"Ignored {what}: the system will never touch it.");
    }
}
