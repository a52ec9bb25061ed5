using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Web.Hosting;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// Reads the broker's health for the panel: mode, login and session age, each feed's connection, last tick
/// age and reconnects, the order budgets left this second, the scrip master (in Paper mode: whether the
/// simulator quotes a cached master's contracts), and (on request, cached) the client IP Kotak sees. Reading
/// makes no broker call, so screens may ask twice a second.
/// </summary>
public sealed class BrokerHealthService(
    IOptions<BrokerOptions> broker,
    IBrokerGateway gateway,
    OrderManager orders,
    TickPipeline pipeline,
    KotakSessionKeeper sessions,
    KotakNeoRestClient kotak,
    IOptions<KotakNeoOptions> kotakOptions,
    TimeProvider clock,
    KotakSFeed? marketFeed = null,
    KotakOrderFeed? orderFeed = null,
    KotakScripMasterService? scripMaster = null,
    SimulatedInstrumentSource? simulated = null)
{
    private static readonly TimeSpan ClientIpKeptFor = TimeSpan.FromMinutes(1);

    // Anyone signed in may press "Check": a burst of presses must not eat Kotak's request budget.
    private static readonly TimeSpan ClientIpFreshAtMostEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _ipGate = new(1, 1);
    private (BrokerResult<string> Answer, DateTimeOffset At)? _clientIp;

    /// <summary>Plain-language help for the static-IP refusals, shown on the panel whatever the state.</summary>
    public static IReadOnlyList<(string Code, string Help)> StaticIpHelp { get; } =
    [
        (KotakErrorCodes.Unauthorized, KotakErrorCodes.Help(KotakErrorCodes.Unauthorized)!),
        (KotakErrorCodes.IpMismatch, KotakErrorCodes.Help(KotakErrorCodes.IpMismatch)!),
    ];

    public BrokerMode Mode => broker.Value.Mode;

    public async Task<BrokerHealthSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mode = broker.Value.Mode;
        var paper = gateway is PaperBroker paperBroker ? await ReadPaperAsync(paperBroker, cancellationToken) : null;
        return new BrokerHealthSnapshot(
            mode,
            gateway.Name,
            now,
            mode == BrokerMode.Paper ? null : ReadLogin(now),
            ReadFeeds(now),
            ReadBudget(),
            scripMaster?.Last,
            paper,
            // Only Paper mode runs the simulator; asking in another mode would build a universe nobody quotes.
            mode == BrokerMode.Paper ? simulated?.Origin : null);
    }

    /// <summary>
    /// The IP address Kotak sees our calls from (orders are accepted only from the registered static IP). Asked
    /// of Kotak at most once a minute, or every 5 seconds when <paramref name="fresh"/>; never logs in by itself.
    /// </summary>
    public async Task<BrokerResult<string>> ClientIpAsync(bool fresh, CancellationToken cancellationToken)
    {
        if (!IsLoggedIn(clock.GetUtcNow()))
        {
            return BrokerResult<string>.Fail(BrokerErrorKind.SessionExpired, "Log in to Kotak Neo first: the client IP is asked with the session.");
        }

        await _ipGate.WaitAsync(cancellationToken);
        try
        {
            if (_clientIp is { } kept && clock.GetUtcNow() - kept.At < (fresh ? ClientIpFreshAtMostEvery : ClientIpKeptFor))
            {
                return kept.Answer;
            }

            var answer = await kotak.GetClientIpAsync(cancellationToken);
            _clientIp = (answer, clock.GetUtcNow());
            return answer;
        }
        finally
        {
            _ipGate.Release();
        }
    }

    private bool IsLoggedIn(DateTimeOffset now) => sessions.Current is { } session && session.IsUsableAt(now, kotakOptions.Value.SessionMaxAge);

    private BrokerLoginStatus ReadLogin(DateTimeOffset now)
    {
        var session = sessions.Current;
        if (session is not null && session.IsUsableAt(now, kotakOptions.Value.SessionMaxAge))
        {
            return new BrokerLoginStatus(true, session.AgeAt(now), session.BaseUrl.Host, session.DataCenter, sessions.LoginCount, null, null);
        }

        var error = sessions.LastLoginError;
        var problem = error is null ? KotakBrokerLogin.NotLoggedIn : KotakBrokerLogin.Describe(error);
        return new BrokerLoginStatus(false, null, null, null, sessions.LoginCount, problem, error is null ? null : BrokerSettingsService.HelpFor(error));
    }

    private List<BrokerFeedHealth> ReadFeeds(DateTimeOffset now)
    {
        var feeds = new List<BrokerFeedHealth>();
        var open = IndianMarketTime.IsNormalSessionOpen(now);
        foreach (var health in pipeline.Feeds)
        {
            var tickAge = health.LastTickAt is { } tick ? now - tick : (TimeSpan?)null;
            if (marketFeed is not null && health.Name == KotakSFeed.FeedName)
            {
                feeds.Add(FromKotak(marketFeed.Status, "market feed", tickAge, now));
            }
            else
            {
                feeds.Add(new BrokerFeedHealth(health.Name, "market feed", health.GetStatus(now, open).ToString(), health.IsConnected, tickAge, null,
                    health.ReconnectCount, health.LastError, null));
            }
        }

        if (orderFeed is not null)
        {
            feeds.Add(FromKotak(orderFeed.Status, "order feed", null, now));
        }

        return feeds;
    }

    private static BrokerFeedHealth FromKotak(KotakFeedStatus status, string purpose, TimeSpan? tickAge, DateTimeOffset now) =>
        new(status.Feed, purpose, status.State.ToString(), status.State == KotakFeedState.Connected, tickAge,
            status.LastMessageAt is { } last ? now - last : null, status.ReconnectCount, status.LastError,
            status.NextAttemptAt is { } next && next > now ? next - now : null);

    private BrokerOrderBudget ReadBudget()
    {
        var desk = orders.Pacer;
        var deskLeft = desk.OrdersPerSecond == 0 ? 0 : desk.Remaining;
        return gateway is KotakNeoGateway
            ? new BrokerOrderBudget(deskLeft, desk.OrdersPerSecond, kotak.OrderBudget.RemainingNow, kotak.OrderBudget.PerSecond,
                kotak.RequestBudget.RemainingNow, kotak.RequestBudget.PerSecond)
            : new BrokerOrderBudget(deskLeft, desk.OrdersPerSecond, null, null, null, null);
    }

    private async Task<PaperBrokerHealth> ReadPaperAsync(PaperBroker paper, CancellationToken cancellationToken)
    {
        var working = orders.Orders.Count(o => OrderLifecycle.IsActive(o.Status) && o.BrokerOrderId is not null);
        var funds = await paper.GetFundsAsync(cancellationToken);
        return funds.IsSuccess
            ? new PaperBrokerHealth(funds.Value!.Net, funds.Value.MarginUsed, working, null)
            : new PaperBrokerHealth(0m, 0m, working, funds.Error!.Message);
    }
}
