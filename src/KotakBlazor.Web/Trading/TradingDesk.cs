using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Market;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// What the trading pages use, for the person of this circuit: the ticket, the order book,
/// positions, manual trades, holdings and funds. Every action is taken as the signed-in user the
/// server knows, so the role checks behind it see the real role whatever the browser shows.
/// </summary>
public sealed partial class TradingDesk(
    TradingCommands commands,
    OrderManager orders,
    TradingKernel kernel,
    KernelEventStreams events,
    IOrderStore orderStore,
    IManualTradeStore manualTrades,
    Reconciler reconciler,
    StrategyManager strategies,
    IInstrumentCatalog instruments,
    LiveMarket market,
    AuditLog audit,
    CurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>The signed-in person as the server knows them; null when nobody is signed in.</summary>
    public async Task<ActingUser?> GetUserAsync() =>
        await currentUser.GetAsync() is { } user ? new ActingUser(user.UserName, user.Role) : null;

    /// <summary>Whether the signed-in person may trade (for what the pages offer; the server checks again on every action).</summary>
    public async Task<bool> CanTradeAsync() => await GetUserAsync() is { } user && TradingCommands.MayTrade(user);

    public bool TryGetInstrument(InstrumentId id, out Instrument instrument) => instruments.TryGet(id, out instrument);

    /// <summary>Instruments that can be ordered (indices are quoted, not traded), best match first.</summary>
    public IReadOnlyList<Instrument> SearchTradable(string query, int limit) =>
        [.. instruments.Search(query, limit * 4).Where(i => i.IsTradable).Take(limit)];

    /// <summary>The last traded price from the live market, when a tick has arrived.</summary>
    public decimal? LastPrice(InstrumentId id) => market.TryGetLatest(id, out var tick) && tick.LastPrice > 0 ? tick.LastPrice : null;

    /// <summary>The risk verdict, margin and exact broker orders for a ticket; places nothing.</summary>
    public Task<TicketPreview> PreviewAsync(OrderTicket ticket, CancellationToken cancellationToken) => commands.PreviewAsync(ticket, cancellationToken);

    /// <summary>Places a ticket as the signed-in user. One key per confirmation: pressing Execute twice places once.</summary>
    public Task<OrderOutcome> PlaceAsync(OrderTicket ticket, string idempotencyKey, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.PlaceAsync(user, ticket, OrderSource.Ticket, idempotencyKey, cancellationToken));

    /// <summary>The orders the desk holds, newest first.</summary>
    public IReadOnlyList<Order> Orders => orders.Orders;

    public Order? FindOrder(Guid id) => orders.Find(id);

    /// <summary>Every order's new state as it is stored; dispose to stop.</summary>
    public EventStream<Order>.Subscription SubscribeOrders() => orders.Changes.Subscribe(capacity: 4096);

    /// <summary>An order's history, oldest first.</summary>
    public Task<IReadOnlyList<OrderEvent>> TimelineAsync(Guid orderId, CancellationToken cancellationToken) =>
        orderStore.LoadEventsAsync(orderId, cancellationToken);

    public Task<OrderOutcome> CancelAsync(Guid orderId, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.CancelAsync(user, orderId, cancellationToken));

    public Task<OrderOutcome> ModifyAsync(Guid orderId, int quantity, decimal? limitPrice, decimal? triggerPrice, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.ModifyAsync(user, orderId, quantity, limitPrice, triggerPrice, cancellationToken));

    public Task<OrderOutcome> RetryAsync(Guid orderId, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.RetryAsync(user, orderId, cancellationToken));

    /// <summary>The latest positions and P&amp;L (safe from any thread).</summary>
    public PortfolioSnapshot Portfolio => kernel.Core.Portfolio;

    /// <summary>Portfolio snapshots as fills and prices move them; dispose to stop.</summary>
    public EventStream<PortfolioSnapshot>.Subscription SubscribePortfolio() => events.Portfolio.Subscribe(capacity: 64);

    /// <summary>The strategy's name for attribution; null for trades no strategy placed.</summary>
    public string? StrategyName(Guid? strategyId) =>
        strategyId is { } id ? strategies.Strategies.FirstOrDefault(s => s.Id == id)?.Config.Name ?? "Removed strategy" : null;

    private async Task<OrderOutcome> AsSignedInUserAsync(Func<ActingUser, Task<OrderOutcome>> action)
    {
        var user = await GetUserAsync();
        return user is null ? OrderOutcome.Refused(["Sign in to trade."]) : await action(user);
    }
}
