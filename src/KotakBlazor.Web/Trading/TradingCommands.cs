using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Orders from people (the ticket, the order book's cancel and modify, hub clients): roles are
/// checked here, on the server, for every path; each action is audited. Traders and admins may
/// trade; viewers may look.
/// </summary>
public sealed class TradingCommands(
    OrderManager orders,
    TradingKernel kernel,
    IInstrumentCatalog instruments,
    TradingReadiness readiness,
    AuditLog audit,
    TimeProvider clock)
{
    public static bool MayTrade(ActingUser user) => user.Role is UserRoles.Admin or UserRoles.Trader;

    /// <summary>The risk verdict, the margin estimate and exactly what would be sent; counts nothing.</summary>
    public async Task<TicketPreview> PreviewAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var request = ticket.ToRequest(OrderSource.Ticket, "preview", null);
        var verdict = await kernel.InvokeAsync(core => core.Preview(request, clock.GetUtcNow()), cancellationToken);
        instruments.TryGet(ticket.Instrument, out var instrument);
        decimal? ltp = kernel.Core.Positions.LastPrice(ticket.Instrument);
        var lines = new List<string>();
        if (instrument is not null && ticket.Quantity > 0 && ticket.Quantity % instrument.LotSize == 0)
        {
            var slices = OrderSlicer.Slice(ticket.Quantity, instrument.LotSize, instrument.FreezeQuantity);
            foreach (var group in slices.GroupBy(q => q))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{group.Count()} x {Words(ticket.Side)} {group.Key} {instrument.TradingSymbol} ({group.Key / instrument.LotSize} lots) {Describe(ticket)} {ticket.Product.ToString().ToUpperInvariant()}{(ticket.AfterMarket ? " AMO" : string.Empty)}"));
            }
        }

        MarginEstimate? margin = null;
        string? marginProblem = null;
        if (instrument is not null && ticket.Quantity > 0)
        {
            var estimate = await orders.Gateway.CheckMarginAsync(new BrokerOrderRequest("preview", ticket.Instrument, instrument.TradingSymbol, ticket.Side, ticket.Quantity,
                ticket.Type, ticket.Product, ticket.LimitPrice ?? 0m, ticket.TriggerPrice ?? 0m, ticket.AfterMarket), cancellationToken);
            margin = estimate.Value;
            marginProblem = estimate.Error?.Message;
        }

        return new TicketPreview(instrument, ltp, lines, [.. verdict.Refusals.Select(r => r.Message)], margin, marginProblem, verdict.Notional);
    }

    /// <summary>Places a ticket. The idempotency key (one per button press) makes a double click or a second tab place it once.</summary>
    public async Task<OrderOutcome> PlaceAsync(ActingUser user, OrderTicket ticket, OrderSource source, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ticket);
        if (!MayTrade(user))
        {
            await audit.WriteAsync(user.UserName, "order.refused", $"Role {user.Role} may not place orders", null, cancellationToken);
            return OrderOutcome.Refused([$"Your role ({user.Role}) may not place orders."]);
        }

        if (!readiness.IsReady)
        {
            return OrderOutcome.Refused([readiness.Failure is { } failure ? $"Trading is not available: {failure}" : "Trading is still starting (settling orders with the broker); try again in a moment."]);
        }

        var outcome = await orders.SubmitAsync(ticket.ToRequest(source, user.UserName, idempotencyKey), cancellationToken);
        if (!outcome.AlreadyPlaced)
        {
            await audit.WriteAsync(user.UserName, outcome.Accepted ? "order.placed" : "order.refused",
                $"{Words(ticket.Side)} {ticket.Quantity} {Symbol(ticket.Instrument)} {Describe(ticket)} via {source}: {outcome.Message}", null, cancellationToken);
        }

        return outcome;
    }

    public async Task<OrderOutcome> CancelAsync(ActingUser user, Guid orderId, CancellationToken cancellationToken)
    {
        if (!MayTrade(user))
        {
            return OrderOutcome.Refused([$"Your role ({user.Role}) may not cancel orders."]);
        }

        var outcome = await orders.CancelAsync(orderId, user.UserName, cancellationToken);
        await audit.WriteAsync(user.UserName, "order.cancel", $"{orderId}: {outcome.Message}", null, cancellationToken);
        return outcome;
    }

    public async Task<OrderOutcome> ModifyAsync(ActingUser user, Guid orderId, int quantity, decimal? limitPrice, decimal? triggerPrice, CancellationToken cancellationToken)
    {
        if (!MayTrade(user))
        {
            return OrderOutcome.Refused([$"Your role ({user.Role}) may not modify orders."]);
        }

        var outcome = await orders.ModifyAsync(orderId, quantity, limitPrice, triggerPrice, user.UserName, cancellationToken);
        await audit.WriteAsync(user.UserName, "order.modify", $"{orderId}: {outcome.Message}", null, cancellationToken);
        return outcome;
    }

    public async Task<OrderOutcome> RetryAsync(ActingUser user, Guid orderId, CancellationToken cancellationToken)
    {
        if (!MayTrade(user))
        {
            return OrderOutcome.Refused([$"Your role ({user.Role}) may not retry orders."]);
        }

        var outcome = await orders.RetryAsync(orderId, user.UserName, cancellationToken);
        await audit.WriteAsync(user.UserName, "order.retry", $"{orderId}: {outcome.Message}", null, cancellationToken);
        return outcome;
    }

    private string Symbol(InstrumentId id) => instruments.TryGet(id, out var instrument) ? instrument.TradingSymbol : id.ToString();

    private static string Words(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    private static string Describe(OrderTicket ticket) => ticket.Type switch
    {
        OrderType.Market => "at market",
        OrderType.Limit => string.Create(CultureInfo.InvariantCulture, $"limit {ticket.LimitPrice}"),
        OrderType.StopLoss => string.Create(CultureInfo.InvariantCulture, $"SL trigger {ticket.TriggerPrice} limit {ticket.LimitPrice}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"SL-M trigger {ticket.TriggerPrice}"),
    };
}
