using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In <c>KotakNeo</c> mode, the first check of every order from every path (ticket, strategies, batches, hub):
/// without a Kotak session the order is refused with a clear reason before an intent is stored or a risk
/// counter moves, instead of becoming a failed order at the gateway. A stored or fresh session is tried first,
/// so a restart with saved credentials trades without anyone pressing "log in".
/// </summary>
public sealed class BrokerLoginGuard(IOrderDecider inner, KotakSessionKeeper sessions) : IOrderDecider
{
    public async Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(cancellationToken);
        if (!session.IsSuccess)
        {
            return OrderDecision.Refuse(null, KotakBrokerLogin.Describe(session.Error!));
        }

        return await inner.DecideAsync(request, cancellationToken);
    }
}
