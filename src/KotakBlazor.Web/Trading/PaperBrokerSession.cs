using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.Paper;

namespace KotakBlazor.Web.Trading;

/// <summary>Starts the paper broker: its account is rebuilt from the fills the system stored, then it matches on live ticks.</summary>
public sealed class PaperBrokerSession(PaperBroker broker) : IBrokerSession
{
    public async Task StartAsync(IReadOnlyList<Fill> storedFills, IReadOnlyList<Order> storedOrders, CancellationToken cancellationToken)
    {
        broker.RestoreFills(storedFills.Where(f => f.OrderId is not null));
        await broker.StartAsync(cancellationToken);
    }
}
