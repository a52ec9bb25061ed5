using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// Starts Kotak Neo behind the gateway: logs in (or takes the stored session) before the first
/// reconciliation reads the order book. Missing or refused credentials do not stop the app: it starts,
/// says "not logged in" on every screen that asks, and refuses orders until an admin logs in.
/// Kotak keeps the account, so nothing is rebuilt from the stored fills.
/// </summary>
public sealed partial class KotakNeoBrokerSession(KotakSessionKeeper sessions, ILogger<KotakNeoBrokerSession> logger) : IBrokerSession
{
    public async Task StartAsync(IReadOnlyList<Fill> storedFills, IReadOnlyList<Order> storedOrders, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(cancellationToken);
        if (session.IsSuccess)
        {
            LogLoggedIn(logger, session.Value!.ToString());
        }
        else
        {
            LogNotLoggedIn(logger, session.Error!.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kotak Neo ready: {Session}")]
    private static partial void LogLoggedIn(ILogger logger, string session);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kotak Neo is not logged in ({Reason}). The app runs; orders are refused until an admin logs in on the broker settings page")]
    private static partial void LogNotLoggedIn(ILogger logger, string reason);
}
