using System.Security.Claims;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;
using KotakBlazor.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KotakBlazor.Web.Hubs;

/// <summary>
/// <c>/hubs/market</c> for outside clients (other dashboards, bots). A signed-in user's cookie
/// or an admin-issued API key is required. Clients subscribe to instruments by trading symbol
/// (<c>Nifty 50</c>, <c>RELIANCE-EQ</c>) or id (<c>nse_cm|26000</c>) and receive their ticks.
/// </summary>
[Authorize(Policy = AuthSetup.HubPolicy)]
public sealed class MarketHub(IInstrumentCatalog catalog, HubSubscriptions subscriptions, TradingCommands trading, ILogger<MarketHub> logger) : Hub<IMarketClient>
{
    /// <summary>
    /// Places an order through the same risk checks, kill switch and audit as the order ticket.
    /// The caller's role is checked here: a viewer's key is refused.
    /// </summary>
    public async Task<PlaceOrderResult> PlaceOrder(PlaceOrderMessage order)
    {
        if (order is null)
        {
            return new PlaceOrderResult(false, "Send an order.", []);
        }

        if (!HubOrderParser.TryParse(order, catalog, out var ticket, out var problem))
        {
            return new PlaceOrderResult(false, problem ?? "Cannot read the order.", []);
        }

        var user = new ActingUser(Context.User?.Identity?.Name ?? "?", Context.User?.FindFirst(ClaimTypes.Role)?.Value ?? string.Empty);
        var outcome = await trading.PlaceAsync(user, ticket, OrderSource.Hub, order.IdempotencyKey is { Length: > 0 } key ? "hub:" + key : null, Context.ConnectionAborted);
        return new PlaceOrderResult(outcome.Accepted, outcome.Message, outcome.Orders);
    }

    public async Task<SubscriptionResult> Subscribe(string[] instruments)
    {
        var resolved = Resolve(instruments);
        var added = subscriptions.Add(Context.ConnectionId, resolved)
            ?? throw new HubException($"A connection can follow at most {HubSubscriptions.MaxPerConnection} instruments; unsubscribe some first.");
        foreach (var id in added)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubSubscriptions.GroupName(id), Context.ConnectionAborted);
        }

        logger.LogInformation("Hub client {User} subscribed to {Count} instrument(s)", Context.UserIdentifier ?? Context.User?.Identity?.Name, added.Count);
        return Current();
    }

    public async Task<SubscriptionResult> Unsubscribe(string[] instruments)
    {
        var removed = subscriptions.Remove(Context.ConnectionId, Resolve(instruments));
        foreach (var id in removed)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubSubscriptions.GroupName(id), Context.ConnectionAborted);
        }

        return Current();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // All or nothing: one unknown name refuses the whole request, so a typo never half-applies.
    private List<InstrumentId> Resolve(string[]? instruments)
    {
        if (instruments is null || instruments.Length == 0)
        {
            throw new HubException("Name at least one instrument, e.g. [\"Nifty 50\"] or [\"nse_cm|26000\"].");
        }

        var resolved = new List<InstrumentId>(instruments.Length);
        var unknown = new List<string>();
        foreach (var name in instruments)
        {
            if (name is not null && InstrumentId.TryParse(name, out var id) && catalog.TryGet(id, out _))
            {
                resolved.Add(id);
            }
            else if (name is not null && catalog.TryGetBySymbol(name.Trim(), out var instrument))
            {
                resolved.Add(instrument.Id);
            }
            else
            {
                unknown.Add(name ?? "(null)");
            }
        }

        if (unknown.Count > 0)
        {
            throw new HubException($"Unknown instrument(s): {string.Join(", ", unknown.Take(10))}. Use a trading symbol such as 'Nifty 50' or 'RELIANCE-EQ', or an id such as 'nse_cm|26000'. Nothing was changed.");
        }

        return resolved;
    }

    private SubscriptionResult Current() => new(subscriptions.Of(Context.ConnectionId)
        .Select(id => new SubscribedInstrument(id.ToString(), catalog.TryGet(id, out var i) ? i.TradingSymbol : id.ToString()))
        .ToList());
}
