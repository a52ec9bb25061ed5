using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Trading;

/// <summary>Starts the broker behind the gateway (the paper broker's matching loop; later, Kotak's login and order feed).</summary>
public interface IBrokerSession
{
    /// <summary>Starts it. The paper broker rebuilds its account from the stored fills, so a restart keeps the positions the system holds.</summary>
    Task StartAsync(IReadOnlyList<Fill> storedFills, IReadOnlyList<Order> storedOrders, CancellationToken cancellationToken);
}
